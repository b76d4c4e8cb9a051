import { RunSubmission } from '@internal/backstage-plugin-ingestion-node';

/** A RunSubmission as the dispatcher builds it from a PostgreSQL → S3 job, with parts replaced per test. */
export function runSubmission(
  application: Partial<RunSubmission['application']> = {},
): RunSubmission {
  return {
    runId: 'run-1',
    jobId: 'job-1',
    tenant: 'group:default/team-a',
    tier: 'dedicated',
    namespace: 'ingest-dedicated',
    opportunistic: false,
    resources: {
      driverCores: 1,
      driverMemoryMiB: 2048,
      executorCores: 2,
      executorMemoryMiB: 4096,
      executorInstances: 2,
    },
    application: {
      source: {
        type: 'postgres',
        host: 'db.internal',
        port: 5432,
        database: 'shop',
        table: 'public.orders',
        incrementalColumn: 'created',
        credentialsSecret: 'shop-db',
      },
      target: {
        type: 's3',
        path: 's3a://lake/orders',
        format: 'parquet',
        partitionBy: ['region'],
        endpoint: 'http://127.0.0.1:55000',
        credentialsSecret: 'lake-writer',
      },
      watermark: '2024-05-01 00:00:00',
      ...application,
    },
  };
}
