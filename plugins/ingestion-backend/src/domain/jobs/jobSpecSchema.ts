import { CronExpressionParser } from 'cron-parser';
import { IANAZone } from 'luxon';
import { z } from 'zod';

// Why zod: every field gets its own message with its path, and unknown fields (a pasted password) are refused.

const dnsLabel = z
  .string()
  .regex(
    /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/,
    'must be 1-63 lower-case letters, digits or dashes, not starting or ending with a dash',
  );
const sqlIdentifier = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_$]{0,127}$/,
    'must be a column name (letters, digits, _)',
  );
const qualifiedTable = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_$]{0,127}(\.[A-Za-z_][A-Za-z0-9_$]{0,127})?$/,
    'must be a table name, optionally schema-qualified',
  );
const host = z
  .string()
  .min(1, 'is required')
  .max(253)
  .regex(
    /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/,
    'must be a host name or IP address',
  );
const port = z
  .number('must be a number')
  .int('must be a whole number')
  .min(1, 'must be from 1 to 65535')
  .max(65535, 'must be from 1 to 65535');
const secretName = z
  .string()
  .regex(
    /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/,
    'must name a secret (lower-case letters, digits, dashes, dots)',
  );
const endpoint = z.url('must be a URL such as http://127.0.0.1:9000');
const bucket = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
    'must be an S3 bucket name (3-63 lower-case letters, digits, dots, dashes)',
  );

const jdbcSource = z
  .strictObject({
    type: z.enum(['postgres', 'mysql']),
    host,
    port,
    database: z.string().min(1, 'is required').max(128),
    table: qualifiedTable.optional(),
    query: z.string().min(1).max(20_000).optional(),
    partitionColumn: sqlIdentifier.optional(),
    numPartitions: z
      .number()
      .int('must be a whole number')
      .min(1)
      .max(256, 'must be at most 256')
      .optional(),
    incrementalColumn: sqlIdentifier.optional(),
    credentialsSecret: secretName,
  })
  .superRefine((source, ctx) => {
    if ((source.table === undefined) === (source.query === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['table'],
        message: 'give exactly one of table and query',
      });
    }
    if (
      source.numPartitions !== undefined &&
      source.numPartitions > 1 &&
      !source.partitionColumn
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['partitionColumn'],
        message: 'is required when numPartitions is more than 1',
      });
    }
  });

/** Spark's reader options that S3 sources may set, and the file formats each applies to. */
const S3_READ_OPTION_FORMATS: Record<string, string[]> = {
  header: ['csv'],
  delimiter: ['csv'],
  inferSchema: ['csv', 'json'],
  schema: ['csv', 'json'],
  multiLine: ['csv', 'json'],
  dateFormat: ['csv', 'json'],
  timestampFormat: ['csv', 'json'],
};

const s3ReadOptions = z.strictObject({
  header: z.boolean('must be true or false').optional(),
  delimiter: z.string().length(1, 'must be one character').optional(),
  inferSchema: z.boolean('must be true or false').optional(),
  schema: z
    .string()
    .trim()
    .min(1, 'must be a schema in SQL DDL, such as id BIGINT, day DATE')
    .max(20_000)
    .optional(),
  multiLine: z.boolean('must be true or false').optional(),
  dateFormat: z.string().min(1).max(100).optional(),
  timestampFormat: z.string().min(1).max(100).optional(),
});

const s3Source = z
  .strictObject({
    type: z.literal('s3'),
    bucket,
    prefix: z.string().max(1024),
    format: z.enum(['csv', 'json', 'parquet']),
    options: s3ReadOptions.optional(),
    endpoint: endpoint.optional(),
    region: z
      .string()
      .regex(
        /^[a-z]{2}(-[a-z]+)+-\d$/,
        'must be an AWS region such as us-east-1',
      )
      .optional(),
    credentialsSecret: secretName.optional(),
  })
  .superRefine((source, ctx) => {
    for (const key of Object.keys(source.options ?? {})) {
      const formats = S3_READ_OPTION_FORMATS[key];
      if (!formats.includes(source.format)) {
        ctx.addIssue({
          code: 'custom',
          path: ['options', key],
          message: `only applies to ${formats.join(' and ')} sources, not ${
            source.format
          }`,
        });
      }
    }
    if (source.options?.schema !== undefined && source.options.inferSchema) {
      ctx.addIssue({
        code: 'custom',
        path: ['options', 'inferSchema'],
        message: 'cannot be true when options.schema is given',
      });
    }
  });

const target = z
  .strictObject({
    type: z.enum(['s3', 'hdfs', 'local']),
    path: z.string().min(1, 'is required').max(2048),
    format: z.literal('parquet'),
    partitionBy: z
      .array(sqlIdentifier)
      .max(8, 'must have at most 8 columns')
      .optional(),
    mode: z
      .enum(['overwrite', 'append', 'overwrite-partitions'], {
        error: 'must be overwrite, append or overwrite-partitions',
      })
      .optional(),
    endpoint: endpoint.optional(),
    credentialsSecret: secretName.optional(),
  })
  .superRefine((t, ctx) => {
    if (t.mode === 'overwrite-partitions' && !t.partitionBy?.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['mode'],
        message:
          'overwrite-partitions needs partitionBy (the partitions to replace)',
      });
    }
    const shapes = {
      s3: {
        pattern: /^s3a:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/,
        example: 's3a://bucket/prefix',
      },
      hdfs: {
        pattern: /^hdfs:\/\/[A-Za-z0-9.-]+(:\d+)?\/.+$/,
        example: 'hdfs://namenode:8020/path',
      },
      local: {
        pattern: /^\/[^\0]*$/,
        example: 'an absolute folder such as /data/lake/orders',
      },
    };
    const shape = shapes[t.type];
    if (!shape.pattern.test(t.path)) {
      ctx.addIssue({
        code: 'custom',
        path: ['path'],
        message: `must look like ${shape.example}`,
      });
    }
  });

const cronSchedule = z
  .strictObject({
    type: z.literal('cron'),
    expression: z.string().min(1, 'is required'),
    timezone: z
      .string()
      .refine(
        zone => IANAZone.isValidZone(zone),
        'must be an IANA time zone such as Europe/Berlin',
      ),
  })
  .superRefine((s, ctx) => {
    if (s.expression.trim().split(/\s+/).length !== 5) {
      ctx.addIssue({
        code: 'custom',
        path: ['expression'],
        message:
          'must have 5 fields: minute hour day-of-month month day-of-week',
      });
      return;
    }
    try {
      CronExpressionParser.parse(s.expression, {
        tz: IANAZone.isValidZone(s.timezone) ? s.timezone : 'UTC',
      });
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        path: ['expression'],
        message: `is not a valid cron expression (${(error as Error).message})`,
      });
    }
  });

const intervalSchedule = z.strictObject({
  type: z.literal('interval'),
  everyMinutes: z
    .number()
    .int('must be a whole number')
    .min(5, 'must be at least 5')
    .max(10_080, 'must be at most 10080 (a week)'),
  startAt: z.iso
    .datetime({ offset: true, error: 'must be an ISO 8601 date-time' })
    .optional(),
});

export const DEFAULT_RESOURCES = {
  executorInstances: 2,
  executorCores: 2,
  executorMemoryGiB: 4,
  driverCores: 1,
  driverMemoryGiB: 2,
};

export const jobSpecSchema = z.strictObject({
  name: dnsLabel,
  description: z.string().max(2000).optional(),
  tenant: z
    .string()
    .regex(
      /^group:[a-z0-9-_.]+\/[a-z0-9-_.]+$/i,
      'must be a group entity ref such as group:default/team-orion',
    ),
  source: z.discriminatedUnion('type', [jdbcSource, s3Source], {
    error: 'must be one of postgres, mysql, s3',
  }),
  target,
  schedule: z.discriminatedUnion('type', [cronSchedule, intervalSchedule], {
    error: 'must be cron or interval',
  }),
  estimates: z
    .strictObject({
      dataVolumeGiB: z
        .number('must be a number')
        .positive('must be greater than 0')
        .max(1_000_000),
      expectedDurationMinutes: z
        .number()
        .int('must be a whole number')
        .min(1)
        .max(1440, 'must be at most 1440 (a day)'),
      slaMinutes: z
        .number()
        .int('must be a whole number')
        .min(1)
        .max(2880, 'must be at most 2880'),
    })
    .refine(e => e.slaMinutes >= e.expectedDurationMinutes, {
      path: ['slaMinutes'],
      message: 'must be at least expectedDurationMinutes',
    }),
  resources: z
    .strictObject({
      executorInstances: z.number().int().min(1).max(64, 'must be at most 64'),
      executorCores: z.number().int().min(1).max(16, 'must be at most 16'),
      executorMemoryGiB: z.number().min(1).max(128, 'must be at most 128'),
      driverCores: z.number().int().min(1).max(8),
      driverMemoryGiB: z.number().min(1).max(64),
    })
    .default(DEFAULT_RESOURCES),
  pool: z.enum(['dedicated', 'vcore-hours']).optional(),
});

export type JobSpecInput = z.input<typeof jobSpecSchema>;
