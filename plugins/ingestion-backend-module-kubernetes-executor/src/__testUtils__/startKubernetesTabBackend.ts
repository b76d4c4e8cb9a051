import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';

/** A running kubernetesTabBackend.js: its URL, a token it accepts, and how to stop it. */
export interface KubernetesTabBackend {
  baseUrl: string;
  /** A static external-access token (a service principal) for API calls. */
  token: string;
  stop(): Promise<void>;
}

/**
 * Starts a real backend (catalog + Kubernetes plugin) on a free loopback port with the given config files
 * plus one of its own (port, in-memory SQLite, a static token, a catalog file holding `entities`), and `env`
 * for `${...}` substitutions in them; resolves once the catalog serves the first entity.
 */
export async function startKubernetesTabBackend(options: {
  configFiles: string[];
  env: Record<string, string>;
  entities: object[];
}): Promise<KubernetesTabBackend> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const token = randomBytes(24).toString('hex');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-k8s-tab-'));
  const catalogFile = path.join(dir, 'entities.yaml');
  fs.writeFileSync(
    catalogFile,
    options.entities.map(e => stringify(e)).join('---\n'),
  );
  const ownConfig = path.join(dir, 'app-config.test.yaml');
  fs.writeFileSync(
    ownConfig,
    stringify({
      backend: {
        baseUrl,
        listen: { port, host: '127.0.0.1' },
        database: { client: 'better-sqlite3', connection: ':memory:' },
        auth: {
          externalAccess: [
            {
              type: 'static',
              options: { token, subject: 'kubernetes-tab-test' },
            },
          ],
        },
      },
      catalog: {
        rules: [{ allow: ['Resource'] }],
        locations: [{ type: 'file', target: catalogFile }],
      },
    }),
  );

  const output: string[] = [];
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(__dirname, 'kubernetesTabBackend.js'),
      ...[...options.configFiles, ownConfig].flatMap(f => ['--config', f]),
    ],
    {
      // Backstage looks for the repository's package.json upwards from here.
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, ...options.env, NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', chunk => output.push(String(chunk)));
  child.stderr?.on('data', chunk => output.push(String(chunk)));
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );

  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  const [first] = options.entities as Array<{
    kind: string;
    metadata: { name: string; namespace?: string };
  }>;
  const entityUrl = `${baseUrl}/api/catalog/entities/by-name/${first.kind.toLowerCase()}/${
    first.metadata.namespace ?? 'default'
  }/${first.metadata.name}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const response = await fetch(entityUrl, {
      headers: { Authorization: `Bearer ${token}` },
    }).catch(() => undefined);
    if (response?.ok) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(
        `The Kubernetes tab backend did not serve ${entityUrl} (${
          child.exitCode !== null ? `exited ${child.exitCode}` : 'timed out'
        }):\n${output.join('').slice(-3000)}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  return { baseUrl, token, stop };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
