import { toJobInput } from './toJobInput';

const base = {
  name: 'nightly-orders',
  tenant: 'group:default/team-orion',
  estimates: { dataVolumeGiB: 40, expectedDurationMinutes: 20, slaMinutes: 45 },
};

describe('toJobInput', () => {
  it('keeps only the chosen source and schedule types’ fields, dropping what the form left behind', () => {
    const job = toJobInput({
      ...base,
      source: {
        type: 's3',
        bucket: 'raw',
        prefix: 'orders/',
        format: 'csv',
        host: 'left-from-postgres',
        port: 5432,
        table: 'public.orders',
      },
      target: { type: 's3', path: 's3a://lake/orders' },
      schedule: {
        type: 'interval',
        everyMinutes: 60,
        expression: '0 2 * * *',
        timezone: 'UTC',
      },
    });

    expect(job.source).toEqual({
      type: 's3',
      bucket: 'raw',
      prefix: 'orders/',
      format: 'csv',
    });
    expect(job.schedule).toEqual({ type: 'interval', everyMinutes: 60 });
  });

  it('drops blank optional fields and defaults the target format to parquet', () => {
    const job = toJobInput({
      ...base,
      description: '',
      resources: undefined,
      source: {
        type: 'postgres',
        host: 'db',
        port: 5432,
        database: 'payments',
        table: 'public.orders',
        query: '',
        partitionColumn: null,
        credentialsSecret: 'payments-db-reader',
      },
      target: { type: 'hdfs', path: 'hdfs://nn:8020/lake', partitionBy: [] },
      schedule: { type: 'cron', expression: '0 2 * * *', timezone: 'UTC' },
    });

    expect(job).toEqual({
      ...base,
      source: {
        type: 'postgres',
        host: 'db',
        port: 5432,
        database: 'payments',
        table: 'public.orders',
        credentialsSecret: 'payments-db-reader',
      },
      target: { type: 'hdfs', path: 'hdfs://nn:8020/lake', format: 'parquet' },
      schedule: { type: 'cron', expression: '0 2 * * *', timezone: 'UTC' },
    });
  });

  it('keeps the CSV reading options given and the target mode, and drops an options group left empty', () => {
    const csv = toJobInput({
      ...base,
      source: {
        type: 's3',
        bucket: 'raw',
        prefix: 'sales/',
        format: 'csv',
        options: { delimiter: ';', inferSchema: true, schema: '' },
      },
      target: { type: 's3', path: 's3a://lake/sales', mode: 'append' },
      schedule: { type: 'interval', everyMinutes: 60 },
    });
    expect(csv.source).toEqual({
      type: 's3',
      bucket: 'raw',
      prefix: 'sales/',
      format: 'csv',
      options: { delimiter: ';', inferSchema: true },
    });
    expect(csv.target.mode).toBe('append');

    const parquet = toJobInput({
      ...base,
      source: {
        type: 's3',
        bucket: 'raw',
        prefix: 'p/',
        format: 'parquet',
        options: { delimiter: '', schema: '' },
      },
      target: { type: 's3', path: 's3a://lake/p' },
      schedule: { type: 'interval', everyMinutes: 60 },
    });
    expect(parquet.source).not.toHaveProperty('options');
  });

  it('passes fields no source type knows through, for the service to refuse by name', () => {
    const job = toJobInput({
      ...base,
      source: {
        type: 'mysql',
        host: 'db',
        port: 3306,
        database: 'shop',
        table: 'orders',
        password: 'do-not-drop-silently',
      },
      target: { type: 's3', path: 's3a://lake/shop' },
      schedule: { type: 'cron', expression: '0 2 * * *', timezone: 'UTC' },
    });

    expect(job.source).toHaveProperty('password', 'do-not-drop-silently');
  });
});
