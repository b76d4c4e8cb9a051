// Starts the real backend with app-config.production.yaml alone (PostgreSQL, OAuth 2.0 sign-in, Kubernetes
// executor), and shows that guest sign-in does not exist there; then that layering the quick start's guest
// sign-in onto it is refused at start-up.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { launchBrowser, repoRoot, resultsDir } from './support/portal.mts';

const postgres = {
  host: '127.0.0.1',
  port: 55432,
  user: 'postgres',
};
/** This run's own databases on the shared PostgreSQL, dropped afterwards. */
const prefix = `prodcheck_${process.pid}_`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
  });
}

let port: number;
let scratch: string;

function environment(): NodeJS.ProcessEnv {
  const base = `http://127.0.0.1:${port}`;
  // Nothing listens on port 1: the OAuth 2.0 server and the cluster are named, never reached by these checks.
  const nowhere = 'https://127.0.0.1:1';
  return {
    ...process.env,
    APP_BASE_URL: base,
    BACKEND_BASE_URL: base,
    POSTGRES_HOST: postgres.host,
    POSTGRES_PORT: String(postgres.port),
    POSTGRES_USER: postgres.user,
    POSTGRES_PASSWORD: 'unused-with-trust-authentication',
    AUTH_OAUTH2_CLIENT_ID: 'portal',
    AUTH_OAUTH2_CLIENT_SECRET: 'client-secret',
    AUTH_OAUTH2_AUTHORIZATION_URL: `${nowhere}/authorize`,
    AUTH_OAUTH2_TOKEN_URL: `${nowhere}/token`,
    CATALOG_ORG_FILE: join(repoRoot, 'examples', 'org.yaml'),
    INGESTION_PLATFORM_ADMIN_GROUP: 'group:default/platform-admins',
    INGESTION_SPARK_IMAGE: 'registry.invalid/ingestion-spark:check',
    INGESTION_K8S_API_URL: nowhere,
    INGESTION_K8S_VIEWER_TOKEN: 'viewer-token',
    INGESTION_K8S_CA_DATA: Buffer.from('no CA').toString('base64'),
    // Where this check runs: loopback, a free port, its own databases. No Kubernetes cluster runs for this check
    // (the ingestion plugin adopts the executor's runs at start-up, so it needs one), so the executor is the
    // local one; sign-in, the API and the guard do not depend on which.
    APP_CONFIG_backend_listen_port: String(port),
    APP_CONFIG_backend_listen_host: '127.0.0.1',
    APP_CONFIG_backend_database_prefix: prefix,
    APP_CONFIG_ingestion_executor: 'local-spark',
    APP_CONFIG_ingestion_executors_local_workDir: join(scratch, 'runs'),
  };
}

function startBackend(configs: string[]): {
  backend: ChildProcess;
  output: () => string;
} {
  let output = '';
  const backend = spawn(
    process.execPath,
    [
      join(repoRoot, '.yarn', 'releases', 'yarn-4.13.0.cjs'),
      'backstage-cli',
      'package',
      'start',
      ...configs.flatMap(config => ['--config', `../../${config}`]),
    ],
    {
      cwd: join(repoRoot, 'packages', 'backend'),
      detached: true,
      env: environment(),
    },
  );
  backend.stdout!.on('data', chunk => (output += chunk));
  backend.stderr!.on('data', chunk => (output += chunk));
  return { backend, output: () => output };
}

/** Stops the backend's whole process group: politely, then for sure (a failed start-up ignores SIGTERM). */
async function stop(backend: ChildProcess) {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-backend.pid!, name);
    } catch {
      // already gone
    }
  };
  const exited = new Promise(resolve => backend.once('exit', resolve));
  signal('SIGTERM');
  await Promise.race([exited, new Promise(r => setTimeout(r, 10_000))]);
  signal('SIGKILL');
}

before(async () => {
  port = await freePort();
  scratch = mkdtempSync(join(tmpdir(), 'production-config-'));
});

after(async () => {
  rmSync(scratch, { recursive: true, force: true });
  const client = new pg.Client({ ...postgres, database: 'postgres' });
  await client.connect();
  const { rows } = await client.query(
    'select datname from pg_database where datname like $1',
    [`${prefix}%`],
  );
  for (const { datname } of rows) {
    await client.query(`drop database if exists "${datname}" with (force)`);
  }
  await client.end();
});

test('the production configuration starts on its own, with no guest sign-in', async () => {
  const { backend, output } = startBackend(['app-config.production.yaml']);
  try {
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 5 * 60_000;
    for (;;) {
      assert.equal(backend.exitCode, null, `backend exited:\n${output()}`);
      const ready = await fetch(`${base}/.backstage/health/v1/readiness`)
        .then(res => res.ok)
        .catch(() => false);
      if (ready) break;
      assert.ok(Date.now() < deadline, `not ready in 5 min:\n${output()}`);
      await new Promise(r => setTimeout(r, 2000));
    }

    const guest = await fetch(`${base}/api/auth/guest/refresh?env=production`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    assert.equal(guest.status, 404, await guest.text());

    // The documented provider is there: it sends the browser to the authorization server.
    const oauth2 = await fetch(`${base}/api/auth/oauth2/start?env=production`, {
      redirect: 'manual',
    });
    assert.equal(oauth2.status, 302);
    assert.match(
      oauth2.headers.get('location') ?? '',
      /^https:\/\/127\.0\.0\.1:1\/authorize\?/,
    );

    // Without a token nothing of the API answers.
    const jobs = await fetch(`${base}/api/ingestion/jobs`);
    assert.equal(jobs.status, 401);

    // The sign-in page offers the organisation's server, and no guest button.
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({
        viewport: { width: 1280, height: 800 },
      });
      await page.goto(base);
      await page
        .getByText('Single sign-on', { exact: true })
        .waitFor({ timeout: 60_000 });
      assert.equal(
        await page.getByRole('button', { name: 'Enter' }).count(),
        0,
      );
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      await page.screenshot({
        path: join(resultsDir, 'production-sign-in.png'),
      });
    } finally {
      await browser.close();
    }
    process.stdout.write(
      `production configuration: guest sign-in ${guest.status}, oauth2 start ${oauth2.status}, API without token ${jobs.status}\n`,
    );
  } finally {
    await stop(backend);
  }
});

test('guest sign-in layered onto production is refused at start-up', async () => {
  const { backend, output } = startBackend([
    'app-config.production.yaml',
    'e2e/app-config.guest-in-production.yaml',
  ]);
  try {
    // `backstage-cli package start` keeps running after a failed start-up: watch what the backend says.
    const deadline = Date.now() + 5 * 60_000;
    const guard =
      /Guest sign-in \(auth\.providers\.guest\) is configured with auth\.environment production/;
    while (!guard.test(output())) {
      assert.ok(
        !/Plugin initialization complete/.test(output()),
        `the backend started with guest sign-in:\n${output()}`,
      );
      assert.ok(Date.now() < deadline, `no refusal in 5 min:\n${output()}`);
      await new Promise(r => setTimeout(r, 1000));
    }
    const ready = await fetch(
      `http://127.0.0.1:${port}/.backstage/health/v1/readiness`,
    )
      .then(res => res.ok)
      .catch(() => false);
    assert.equal(ready, false);
    process.stdout.write(
      'guest sign-in layered onto production: start-up refused\n',
    );
  } finally {
    await stop(backend);
  }
});
