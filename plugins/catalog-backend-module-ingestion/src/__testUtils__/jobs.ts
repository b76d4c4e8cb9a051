import { IngestionJob } from '@internal/backstage-plugin-ingestion-common';

/** A stored postgres-to-s3 job of team-orion, with any field overridden. */
export function aJob(overrides: Partial<IngestionJob> = {}): IngestionJob {
  return {
    id: '5d0c2a9e-0f5b-4a44-9d1e-2f4b9c1e7a01',
    name: 'nightly-orders',
    description: 'Orders from the payments database, every night.',
    tenant: 'group:default/team-orion',
    source: {
      type: 'postgres',
      host: 'payments-db.internal',
      port: 5432,
      database: 'payments',
      table: 'public.orders',
      partitionColumn: 'id',
      numPartitions: 8,
      credentialsSecret: 'payments-db-reader',
    },
    target: {
      type: 's3',
      path: 's3a://lake/payments/orders',
      format: 'parquet',
      partitionBy: ['order_date'],
      credentialsSecret: 'lake-writer',
    },
    schedule: {
      type: 'cron',
      expression: '0 2 * * *',
      timezone: 'Europe/Berlin',
    },
    estimates: {
      dataVolumeGiB: 40,
      expectedDurationMinutes: 20,
      slaMinutes: 45,
    },
    resources: {
      executorInstances: 2,
      executorCores: 2,
      executorMemoryGiB: 4,
      driverCores: 1,
      driverMemoryGiB: 2,
    },
    pool: 'dedicated',
    lifecycle: 'draft',
    tier: 'draft',
    status: 'active',
    createdAt: '2026-11-27T08:00:00.000Z',
    createdBy: 'user:default/orla',
    updatedAt: '2026-11-27T08:00:00.000Z',
    ...overrides,
  };
}
