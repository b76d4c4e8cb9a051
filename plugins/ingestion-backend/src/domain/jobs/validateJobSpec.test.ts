import { InputError } from '@backstage/errors';
import { checkJobSpec, validateJobSpec } from './validateJobSpec';

const validSpec = () => ({
  name: 'orders-to-lake',
  tenant: 'group:default/team-orion',
  source: {
    type: 'postgres',
    host: 'db.internal',
    port: 5432,
    database: 'shop',
    table: 'public.orders',
    partitionColumn: 'id',
    numPartitions: 4,
    incrementalColumn: 'updated_at',
    credentialsSecret: 'shop-db',
  },
  target: {
    type: 's3',
    path: 's3a://lake/orders',
    format: 'parquet',
    partitionBy: ['order_date'],
  },
  schedule: {
    type: 'cron',
    expression: '30 2 * * *',
    timezone: 'Europe/Berlin',
  },
  estimates: { dataVolumeGiB: 12, expectedDurationMinutes: 20, slaMinutes: 45 },
});

const csvSource = () => ({
  type: 's3',
  bucket: 'raw-events',
  prefix: 'sales/',
  format: 'csv',
});

function problemsOf(mutate: (spec: any) => void) {
  const spec: any = validSpec();
  mutate(spec);
  const result = checkJobSpec(spec);
  if (result.ok) throw new Error('expected the spec to be refused');
  return result.problems;
}

describe('job specification validation', () => {
  it('accepts a complete spec and fills default resources', () => {
    const result = checkJobSpec(validSpec());
    expect(result.ok).toBe(true);
    expect(result.ok && result.spec.resources).toEqual({
      executorInstances: 2,
      executorCores: 2,
      executorMemoryGiB: 4,
      driverCores: 1,
      driverMemoryGiB: 2,
    });
  });

  it.each<[string, (spec: any) => void, string, RegExp]>([
    ['name', s => (s.name = 'Orders To Lake'), 'name', /lower-case letters/],
    ['tenant', s => (s.tenant = 'team-orion'), 'tenant', /group entity ref/],
    [
      'source type',
      s => (s.source.type = 'oracle'),
      'source.type',
      /must be one of postgres, mysql, s3/,
    ],
    ['port', s => (s.source.port = 70000), 'source.port', /from 1 to 65535/],
    [
      'port type',
      s => (s.source.port = '5432'),
      'source.port',
      /must be a number/,
    ],
    ['host', s => (s.source.host = 'db internal'), 'source.host', /host name/],
    [
      'table and query',
      s => (s.source.query = 'select 1'),
      'source.table',
      /exactly one of table and query/,
    ],
    [
      'partition column',
      s => delete s.source.partitionColumn,
      'source.partitionColumn',
      /required when numPartitions/,
    ],
    [
      'secret',
      s => delete s.source.credentialsSecret,
      'source.credentialsSecret',
      /is required/,
    ],
    [
      'password',
      s => (s.source.password = 'hunter2'),
      'source.password',
      /never accepted in a job/,
    ],
    [
      'target path',
      s => (s.target.path = 'hdfs://nn/x'),
      'target.path',
      /s3a:\/\/bucket\/prefix/,
    ],
    [
      'target format',
      s => (s.target.format = 'avro'),
      'target.format',
      /parquet/,
    ],
    [
      'cron',
      s => (s.schedule.expression = '61 * * * *'),
      'schedule.expression',
      /not a valid cron expression/,
    ],
    [
      'cron fields',
      s => (s.schedule.expression = '* * * * * *'),
      'schedule.expression',
      /5 fields/,
    ],
    [
      'time zone',
      s => (s.schedule.timezone = 'Mars/Olympus'),
      'schedule.timezone',
      /IANA time zone/,
    ],
    [
      'interval',
      s => (s.schedule = { type: 'interval', everyMinutes: 1 }),
      'schedule.everyMinutes',
      /at least 5/,
    ],
    [
      'sla',
      s => (s.estimates.slaMinutes = 10),
      'estimates.slaMinutes',
      /at least expectedDurationMinutes/,
    ],
    [
      'volume',
      s => (s.estimates.dataVolumeGiB = 0),
      'estimates.dataVolumeGiB',
      /greater than 0/,
    ],
    [
      'resources',
      s =>
        (s.resources = {
          executorInstances: 100,
          executorCores: 2,
          executorMemoryGiB: 4,
          driverCores: 1,
          driverMemoryGiB: 2,
        }),
      'resources.executorInstances',
      /at most 64/,
    ],
    ['pool', s => (s.pool = 'spot'), 'pool', /dedicated|vcore-hours/],
    [
      'target mode',
      s => (s.target.mode = 'upsert'),
      'target.mode',
      /overwrite, append or overwrite-partitions/,
    ],
    [
      'overwrite-partitions without partitions',
      s => {
        s.target.mode = 'overwrite-partitions';
        delete s.target.partitionBy;
      },
      'target.mode',
      /needs partitionBy/,
    ],
    [
      'an unknown reader option',
      s => (s.source = { ...csvSource(), options: { sep: ';' } }),
      'source.options.sep',
      /not a known field/,
    ],
    [
      'a delimiter of two characters',
      s => (s.source = { ...csvSource(), options: { delimiter: ';;' } }),
      'source.options.delimiter',
      /one character/,
    ],
    [
      'a CSV option on JSON',
      s =>
        (s.source = {
          ...csvSource(),
          format: 'json',
          options: { header: true },
        }),
      'source.options.header',
      /only applies to csv sources, not json/,
    ],
    [
      'a schema and inference',
      s =>
        (s.source = {
          ...csvSource(),
          options: { schema: 'id INT', inferSchema: true },
        }),
      'source.options.inferSchema',
      /cannot be true/,
    ],
    ['unknown', s => (s.colour = 'red'), 'colour', /not a known field/],
  ])('names the bad field: %s', (_case, mutate, field, message) => {
    const problems = problemsOf(mutate);
    expect(problems).toContainEqual({
      field,
      message: expect.stringMatching(message),
    });
  });

  it('reports every bad field at once', () => {
    const problems = problemsOf(s => {
      s.source.port = 0;
      s.schedule.timezone = 'Nowhere/Else';
      s.estimates.dataVolumeGiB = -1;
    });
    expect(problems.map(p => p.field).sort()).toEqual([
      'estimates.dataVolumeGiB',
      'schedule.timezone',
      'source.port',
    ]);
  });

  it('throws a 400 InputError listing the fields', () => {
    const spec: any = validSpec();
    spec.source.port = 0;
    expect(() => validateJobSpec(spec)).toThrow(InputError);
    expect(() => validateJobSpec(spec)).toThrow(
      /source.port must be from 1 to 65535/,
    );
  });

  it('accepts S3 sources and HDFS targets', () => {
    const spec: any = validSpec();
    spec.source = {
      type: 's3',
      bucket: 'raw-events',
      prefix: 'clicks/',
      format: 'json',
      endpoint: 'http://127.0.0.1:55000',
    };
    spec.target = {
      type: 'hdfs',
      path: 'hdfs://namenode:8020/lake/clicks',
      format: 'parquet',
    };
    spec.schedule = { type: 'interval', everyMinutes: 60 };
    expect(checkJobSpec(spec).ok).toBe(true);
  });

  it('accepts each target mode and typed CSV options', () => {
    for (const mode of ['overwrite', 'append', 'overwrite-partitions']) {
      const spec: any = validSpec();
      spec.target.mode = mode;
      expect(checkJobSpec(spec)).toMatchObject({
        ok: true,
        spec: { target: { mode } },
      });
    }
    const spec: any = validSpec();
    spec.source = {
      ...csvSource(),
      options: {
        header: true,
        delimiter: ';',
        schema: 'id BIGINT, day DATE',
        dateFormat: 'dd.MM.yyyy',
      },
    };
    expect(checkJobSpec(spec)).toMatchObject({
      ok: true,
      spec: {
        source: { options: { delimiter: ';', schema: 'id BIGINT, day DATE' } },
      },
    });
  });
});
