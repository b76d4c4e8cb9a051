import { RunSubmission } from './executor';
import { toApplicationJobConfig } from './applicationJobConfig';

const run = (target: Record<string, unknown>): RunSubmission => ({
  runId: 'run-1',
  jobId: 'job-1',
  tenant: 'group:default/team-orion',
  tier: 'draft',
  namespace: 'ingestion-draft',
  opportunistic: false,
  resources: {
    driverCores: 1,
    driverMemoryMiB: 1024,
    executorCores: 1,
    executorMemoryMiB: 1024,
    executorInstances: 1,
  },
  application: {
    source: {
      type: 'postgres',
      host: 'db.internal',
      port: 5432,
      database: 'shop',
      table: 'public.orders',
      credentialsSecret: 'shop-db',
    },
    target,
    watermark: '2024-05-01 00:00:00',
  },
});

describe('toApplicationJobConfig', () => {
  it('maps a run to job.json with source and target as given, minus the secret references', () => {
    const config = toApplicationJobConfig(
      run({
        type: 's3',
        path: 's3a://lake/orders',
        format: 'parquet',
        credentialsSecret: 'lake-writer',
      }),
    );
    expect(config).toEqual({
      jobId: 'job-1',
      runId: 'run-1',
      source: {
        type: 'postgres',
        host: 'db.internal',
        port: 5432,
        database: 'shop',
        table: 'public.orders',
      },
      target: { type: 's3', path: 's3a://lake/orders', format: 'parquet' },
      watermark: '2024-05-01 00:00:00',
    });
    expect(JSON.stringify(config)).not.toMatch(/shop-db|lake-writer/);
  });

  it('passes the platform’s source timeouts on, and none when it sets none', () => {
    const submission = run({ type: 'local', path: '/tmp/lake' });
    expect(toApplicationJobConfig(submission)).not.toHaveProperty('timeouts');
    submission.application.timeouts = { loginSeconds: 5, socketSeconds: 60 };
    expect(toApplicationJobConfig(submission).timeouts).toEqual({
      loginSeconds: 5,
      socketSeconds: 60,
    });
  });

  it('does not change the submission it maps', () => {
    const submission = run({ type: 'local', path: '/tmp/lake' });
    toApplicationJobConfig(submission);
    expect(submission.application.source.credentialsSecret).toBe('shop-db');
  });
});
