/** Job specifications the actions' examples share: a nightly PostgreSQL table load and an hourly S3 file load. */
export const exampleJobInputs = {
  postgresNightly: {
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
      partitionBy: ['order_date'],
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
  },
  s3Hourly: {
    name: 'hourly-clicks',
    tenant: 'group:default/team-lyra',
    source: {
      type: 's3',
      bucket: 'raw-events',
      prefix: 'clicks/',
      format: 'json',
      region: 'eu-west-1',
    },
    target: { type: 'hdfs', path: 'hdfs://namenode:8020/lake/clicks' },
    schedule: { type: 'interval', everyMinutes: 60 },
    estimates: { dataVolumeGiB: 2, expectedDurationMinutes: 5, slaMinutes: 15 },
    resources: {
      executorInstances: 1,
      executorCores: 2,
      executorMemoryGiB: 4,
      driverCores: 1,
      driverMemoryGiB: 2,
    },
    pool: 'vcore-hours',
  },
};

/** Form values passed through from a template's parameters, as the "New ingestion job" template does. */
export const templateParameterInput = {
  name: '${{ parameters.name }}',
  description: '${{ parameters.description }}',
  tenant: '${{ parameters.tenant }}',
  source: '${{ parameters.source }}',
  target: '${{ parameters.target }}',
  schedule: '${{ parameters.schedule }}',
  estimates: '${{ parameters.estimates }}',
  resources: '${{ parameters.resources }}',
};
