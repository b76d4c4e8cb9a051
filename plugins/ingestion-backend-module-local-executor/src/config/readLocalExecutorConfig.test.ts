import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readLocalExecutorConfig } from './readLocalExecutorConfig';

describe('readLocalExecutorConfig', () => {
  let root: string;
  let backendDir: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'executor-config-'));
    fs.mkdirSync(path.join(root, '.yarn', 'releases'), { recursive: true });
    backendDir = path.join(root, 'packages', 'backend');
    fs.mkdirSync(backendDir, { recursive: true });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('defaults to what test-infra/spark/setup.sh installs, under the repository root', () => {
    const options = readLocalExecutorConfig(new ConfigReader({}), {
      cwd: backendDir,
      cpus: 8,
    });
    expect(options).toEqual({
      workDir: path.join(root, '.run', 'local-executor'),
      sparkSubmit: path.join(root, '.tools/spark/venv/bin/spark-submit'),
      python: path.join(root, '.tools/spark/venv/bin/python'),
      jarsDir: path.join(root, '.tools/spark/jars'),
      applicationFile: path.join(
        root,
        'ingestion-app/src/ingestion_app/main.py',
      ),
      maxCores: 8,
      cancelGraceMs: 2000,
      keepFinishedRunsMs: 168 * 3600_000,
      onShutdown: 'keep',
      secrets: {},
    });
  });

  it('reads every key, resolving relative paths against the repository root', () => {
    const options = readLocalExecutorConfig(
      new ConfigReader({
        ingestion: {
          executors: {
            local: {
              workDir: '/var/lib/ingestion',
              sparkSubmit: 'spark/bin/spark-submit',
              python: '/usr/bin/python3',
              jarsDir: 'spark/jars',
              applicationFile: 'app/main.py',
              maxCores: 3,
              cancelGraceMs: 500,
              keepFinishedRunsHours: 2,
              onShutdown: 'cancel',
              secrets: [
                {
                  tenant: 'group:default/team-a',
                  name: 'orders-db',
                  user: 'reader',
                  password: 'pw',
                },
                {
                  tenant: 'group:default/team-b',
                  name: 'lake',
                  accessKey: 'AK',
                  secretKey: 'SK',
                },
              ],
            },
          },
        },
      }),
      { cwd: backendDir, cpus: 8 },
    );
    expect(options).toEqual({
      workDir: '/var/lib/ingestion',
      sparkSubmit: path.join(root, 'spark/bin/spark-submit'),
      python: '/usr/bin/python3',
      jarsDir: path.join(root, 'spark/jars'),
      applicationFile: path.join(root, 'app/main.py'),
      maxCores: 3,
      cancelGraceMs: 500,
      keepFinishedRunsMs: 2 * 3600_000,
      onShutdown: 'cancel',
      secrets: {
        'group:default/team-a': {
          'orders-db': {
            user: 'reader',
            password: 'pw',
            accessKey: undefined,
            secretKey: undefined,
          },
        },
        'group:default/team-b': {
          lake: {
            user: undefined,
            password: undefined,
            accessKey: 'AK',
            secretKey: 'SK',
          },
        },
      },
    });
  });

  it('refuses secrets that belong to no tenant', () => {
    const read = (secrets: unknown) => () =>
      readLocalExecutorConfig(
        new ConfigReader({
          ingestion: { executors: { local: { secrets } } },
        } as any),
        { cwd: backendDir },
      );
    expect(read({ 'orders-db': { user: 'postgres' } })).toThrow(
      /secrets must be a list .* every secret belongs to one tenant/,
    );
    expect(read([{ tenant: 'team-a', name: 'db', user: 'u' }])).toThrow(
      /tenant must be a group entity ref/,
    );
    expect(read([{ name: 'db', user: 'u' }])).toThrow(/tenant/);
    expect(
      read([
        { tenant: 'group:default/team-a', name: 'db', user: 'u' },
        { tenant: 'group:default/team-a', name: 'db', user: 'v' },
      ]),
    ).toThrow(/already has a secret named db/);
  });

  it('resolves against the working directory outside a checkout', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'no-checkout-'));
    try {
      expect(
        readLocalExecutorConfig(new ConfigReader({}), { cwd: outside }).workDir,
      ).toBe(path.join(outside, '.run', 'local-executor'));
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses values that cannot work, naming the key', () => {
    const read = (local: object) => () =>
      readLocalExecutorConfig(
        new ConfigReader({ ingestion: { executors: { local } } }),
        { cwd: backendDir },
      );
    expect(read({ maxCores: 0 })).toThrow(
      'ingestion.executors.local.maxCores must be a positive integer, got 0',
    );
    expect(read({ maxCores: 1.5 })).toThrow(
      'ingestion.executors.local.maxCores',
    );
    expect(read({ cancelGraceMs: -1 })).toThrow(
      'ingestion.executors.local.cancelGraceMs must be zero or more',
    );
    expect(read({ keepFinishedRunsHours: 0 })).toThrow(
      'ingestion.executors.local.keepFinishedRunsHours must be positive',
    );
    expect(read({ onShutdown: 'kill' })).toThrow(
      'ingestion.executors.local.onShutdown must be keep or cancel, got kill',
    );
  });
});
