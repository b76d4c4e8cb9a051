import { runSubmission } from '../__testUtils__/runSubmission';
import { toApplicationJobConfig as toApplicationConfig } from '@internal/backstage-plugin-ingestion-node';

describe('toApplicationConfig', () => {
  it('maps a run to job.json with source and target as given, minus the secret references', () => {
    const config = toApplicationConfig(runSubmission());
    expect(config).toEqual({
      jobId: 'job-1',
      runId: 'run-1',
      source: {
        type: 'postgres',
        host: 'db.internal',
        port: 5432,
        database: 'shop',
        table: 'public.orders',
        incrementalColumn: 'created',
      },
      target: {
        type: 's3',
        path: 's3a://lake/orders',
        format: 'parquet',
        partitionBy: ['region'],
        endpoint: 'http://127.0.0.1:55000',
      },
      watermark: '2024-05-01 00:00:00',
    });
    expect(JSON.stringify(config)).not.toContain('shop-db');
    expect(JSON.stringify(config)).not.toContain('lake-writer');
  });

  it('passes a local target through for development runs', () => {
    const config = toApplicationConfig(
      runSubmission({
        target: { type: 'local', path: '/tmp/lake/orders' },
        watermark: null,
      }),
    );
    expect(config.target).toEqual({ type: 'local', path: '/tmp/lake/orders' });
    expect(config.watermark).toBeNull();
  });

  it('does not change the submission it maps', () => {
    const run = runSubmission();
    toApplicationConfig(run);
    expect(run.application.source.credentialsSecret).toBe('shop-db');
  });
});
