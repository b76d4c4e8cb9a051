import { Config } from '@backstage/config';
import os from 'node:os';
import path from 'node:path';
import { findRepoRoot } from './findRepoRoot';
import { LocalExecutorOptions, TenantSecrets } from './LocalExecutorOptions';

const KEY = 'ingestion.executors.local';

/**
 * Reads `ingestion.executors.local`. Relative paths (and the defaults, which point at what
 * test-infra/spark/setup.sh installs) are resolved against the repository root, so the backend finds them whether
 * it runs from packages/backend or elsewhere in the checkout; outside a checkout, against `cwd`.
 */
export function readLocalExecutorConfig(
  rootConfig: Config,
  environment: { cwd?: string; cpus?: number } = {},
): LocalExecutorOptions {
  const cwd = environment.cwd ?? process.cwd();
  const base = findRepoRoot(cwd) ?? cwd;
  const config = rootConfig.getOptionalConfig(KEY);
  const pathAt = (key: string, fallback: string) =>
    path.resolve(base, config?.getOptionalString(key) ?? fallback);

  const sparkSubmit = pathAt(
    'sparkSubmit',
    '.tools/spark/venv/bin/spark-submit',
  );
  const cpus = environment.cpus ?? os.cpus().length;
  const maxCores = config?.getOptionalNumber('maxCores') ?? cpus;
  if (!Number.isInteger(maxCores) || maxCores < 1) {
    throw new Error(
      `${KEY}.maxCores must be a positive integer, got ${maxCores}`,
    );
  }
  const cancelGraceMs = config?.getOptionalNumber('cancelGraceMs') ?? 2000;
  if (!(cancelGraceMs >= 0)) {
    throw new Error(
      `${KEY}.cancelGraceMs must be zero or more, got ${cancelGraceMs}`,
    );
  }
  const keepHours = config?.getOptionalNumber('keepFinishedRunsHours') ?? 168;
  if (!(keepHours > 0)) {
    throw new Error(
      `${KEY}.keepFinishedRunsHours must be positive, got ${keepHours}`,
    );
  }
  const onShutdown = config?.getOptionalString('onShutdown') ?? 'keep';
  if (onShutdown !== 'keep' && onShutdown !== 'cancel') {
    throw new Error(
      `${KEY}.onShutdown must be keep or cancel, got ${onShutdown}`,
    );
  }

  return {
    workDir: pathAt('workDir', '.run/local-executor'),
    sparkSubmit,
    python: config?.getOptionalString('python')
      ? pathAt('python', '')
      : path.join(path.dirname(sparkSubmit), 'python'),
    jarsDir: pathAt('jarsDir', '.tools/spark/jars'),
    applicationFile: pathAt(
      'applicationFile',
      'ingestion-app/src/ingestion_app/main.py',
    ),
    maxCores,
    cancelGraceMs,
    keepFinishedRunsMs: keepHours * 3600_000,
    onShutdown,
    secrets: readSecrets(config),
  };
}

/**
 * Reads `secrets`: a list of `{ tenant, name, user, password, accessKey, secretKey }`. A secret always belongs
 * to one tenant; the former map of names shared by every tenant is refused at start-up rather than read.
 */
function readSecrets(config: Config | undefined): TenantSecrets {
  const result: TenantSecrets = {};
  if (!config?.has('secrets')) return result;
  const value = config.getOptional('secrets');
  if (!Array.isArray(value)) {
    throw new Error(
      `${KEY}.secrets must be a list of { tenant, name, user, password, accessKey, secretKey }: every secret belongs to one tenant`,
    );
  }
  config.getConfigArray('secrets').forEach((secret, index) => {
    const tenant = secret.getString('tenant');
    const name = secret.getString('name');
    if (!/^group:[^/]+\/.+$/.test(tenant)) {
      throw new Error(
        `${KEY}.secrets[${index}].tenant must be a group entity ref such as group:default/team-orion, got ${tenant}`,
      );
    }
    const own = (result[tenant] ??= {});
    if (Object.prototype.hasOwnProperty.call(own, name)) {
      throw new Error(
        `${KEY}.secrets[${index}]: ${tenant} already has a secret named ${name}`,
      );
    }
    own[name] = {
      user: secret.getOptionalString('user'),
      password: secret.getOptionalString('password'),
      accessKey: secret.getOptionalString('accessKey'),
      secretKey: secret.getOptionalString('secretKey'),
    };
  });
  return result;
}
