import { RunSubmission } from '@internal/backstage-plugin-ingestion-node';

/** A run of a PostgreSQL → S3 job, as the dispatcher hands it over; override any part. */
export function runSubmission(
  overrides: Partial<RunSubmission> = {},
): RunSubmission {
  return {
    runId: '0b7c2d1e-5f3a-4c8b-9d2e-1a2b3c4d5e6f',
    jobId: '5d0c2a9e-0f5b-4a44-9d1e-2f4b9c1e7a01',
    tenant: 'group:default/team-orion',
    tier: 'vcore-hours',
    namespace: 'ingestion-vcore-hours',
    opportunistic: false,
    resources: {
      driverCores: 1,
      driverMemoryMiB: 2048,
      executorCores: 2,
      executorMemoryMiB: 4096,
      executorInstances: 3,
    },
    application: {
      source: {
        type: 'postgres',
        host: '10.20.30.40',
        port: 5432,
        database: 'shop',
        table: 'public.orders',
        credentialsSecret: 'orders-db',
      },
      target: {
        type: 's3',
        path: 's3a://lake/orders',
        format: 'parquet',
        endpoint: 'http://10.20.30.50:9000',
        credentialsSecret: 'lake-writer',
      },
      watermark: null,
    },
    ...overrides,
  };
}
