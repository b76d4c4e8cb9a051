import type { z as zod } from 'zod/v3';

type Zod = typeof zod;

/**
 * The input of the job actions: an ingestion job specification, field for field as `POST /jobs` takes it, so that
 * a template passes its form's values straight through. Deliberately loose: the ingestion service checks every
 * field and names each bad one, which is a clearer message than a schema mismatch here.
 */
export const jobInputSchema = {
  name: (z: Zod) =>
    z
      .string()
      .describe(
        'Job name: lower-case letters, digits and dashes, unique within the tenant',
      ),
  description: (z: Zod) =>
    z.string().optional().describe('What the job ingests and why'),
  tenant: (z: Zod) =>
    z
      .string()
      .describe(
        'Entity ref of the owning tenant group, e.g. group:default/team-orion',
      ),
  source: (z: Zod) =>
    z
      .object({
        type: z.enum(['postgres', 'mysql', 's3']),
        host: z.string().optional(),
        port: z.number().optional(),
        database: z.string().optional(),
        table: z.string().optional(),
        query: z.string().optional(),
        partitionColumn: z.string().optional(),
        numPartitions: z.number().optional(),
        incrementalColumn: z.string().optional(),
        bucket: z.string().optional(),
        prefix: z.string().optional(),
        format: z.enum(['csv', 'json', 'parquet']).optional(),
        options: z
          .object({
            header: z.boolean().optional(),
            delimiter: z.string().optional(),
            inferSchema: z.boolean().optional(),
            schema: z.string().optional(),
            multiLine: z.boolean().optional(),
            dateFormat: z.string().optional(),
            timestampFormat: z.string().optional(),
          })
          .passthrough()
          .optional()
          .describe('How to read csv and json files (Spark reader options)'),
        endpoint: z.string().optional(),
        region: z.string().optional(),
        credentialsSecret: z
          .string()
          .optional()
          .describe(
            'Name of the secret holding the credentials (never the credentials)',
          ),
      })
      .passthrough()
      .describe(
        'Where to read: postgres/mysql (host, port, database, table or query, credentialsSecret) or s3 (bucket, prefix, format)',
      ),
  target: (z: Zod) =>
    z
      .object({
        type: z.enum(['s3', 'hdfs']),
        path: z
          .string()
          .describe('s3a://bucket/prefix or hdfs://namenode:8020/path'),
        format: z.literal('parquet').optional(),
        partitionBy: z.array(z.string()).optional(),
        mode: z
          .enum(['overwrite', 'append', 'overwrite-partitions'])
          .optional()
          .describe(
            'How a run lands: replace the dataset, add to it, or replace only its partitions',
          ),
        endpoint: z.string().optional(),
        credentialsSecret: z.string().optional(),
      })
      .passthrough()
      .describe('Where to write, in the data lake'),
  schedule: (z: Zod) =>
    z
      .object({
        type: z.enum(['cron', 'interval']),
        expression: z.string().optional(),
        timezone: z.string().optional(),
        everyMinutes: z.number().optional(),
        startAt: z.string().optional(),
      })
      .passthrough()
      .describe(
        'cron (expression of 5 fields and an IANA timezone) or interval (everyMinutes, optional startAt)',
      ),
  estimates: (z: Zod) =>
    z
      .object({
        dataVolumeGiB: z.number(),
        expectedDurationMinutes: z.number(),
        slaMinutes: z.number(),
      })
      .passthrough()
      .describe(
        'Data volume per run, expected duration and SLA (maximum duration)',
      ),
  resources: (z: Zod) =>
    z
      .object({
        executorInstances: z.number(),
        executorCores: z.number(),
        executorMemoryGiB: z.number(),
        driverCores: z.number(),
        driverMemoryGiB: z.number(),
      })
      .passthrough()
      .optional()
      .describe(
        "Spark sizing of one run; the service's defaults when left out",
      ),
  pool: (z: Zod) =>
    z
      .enum(['dedicated', 'vcore-hours'])
      .optional()
      .describe(
        "Capacity pool; the tenant's own when left out (dedicated units first)",
      ),
};
