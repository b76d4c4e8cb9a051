import {
  IngestionJobInput,
  JdbcSource,
  JobSchedule,
  JobTarget,
  S3Source,
} from '@internal/backstage-plugin-ingestion-common';

const JDBC_FIELDS = [
  'host',
  'port',
  'database',
  'table',
  'query',
  'partitionColumn',
  'numPartitions',
  'incrementalColumn',
  'credentialsSecret',
] as const satisfies readonly (keyof JdbcSource)[];
const S3_FIELDS = [
  'bucket',
  'prefix',
  'format',
  'options',
  'endpoint',
  'region',
  'credentialsSecret',
] as const satisfies readonly (keyof S3Source)[];

const SOURCE_FIELDS: Record<string, readonly string[]> = {
  postgres: JDBC_FIELDS,
  mysql: JDBC_FIELDS,
  s3: S3_FIELDS,
};
const SCHEDULE_FIELDS: Record<string, readonly string[]> = {
  cron: ['expression', 'timezone'] satisfies (keyof Extract<
    JobSchedule,
    { type: 'cron' }
  >)[],
  interval: ['everyMinutes', 'startAt'] satisfies (keyof Extract<
    JobSchedule,
    { type: 'interval' }
  >)[],
};

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isBlank = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (isObject(value) && Object.keys(value).length === 0);

/** Drops blank values, in nested groups too (source.options): optional form fields left empty. */
function withoutBlanks(fields: Fields): Fields {
  return Object.fromEntries(
    Object.entries(fields)
      .map(([key, value]) => [
        key,
        isObject(value) ? withoutBlanks(value) : value,
      ])
      .filter(([, value]) => !isBlank(value)),
  );
}

/**
 * Drops the fields of the variants other than the chosen one (a form keeps the values of a source type the user
 * switched away from). Fields no variant knows are kept, so that the service names them as errors.
 */
function onlyChosenVariant(
  fields: Fields,
  variants: Record<string, readonly string[]>,
): Fields {
  const chosen = new Set(variants[String(fields.type)] ?? []);
  const stale = new Set(
    Object.values(variants)
      .flat()
      .filter(field => !chosen.has(field)),
  );
  return Object.fromEntries(
    Object.entries(fields).filter(([key]) => !stale.has(key)),
  );
}

/**
 * The job specification to send from the actions' input (a template's form values): blank optional fields and the
 * leftovers of other source or schedule types removed, the target format defaulted to parquet (the only one).
 *
 * @param input - the action input, shaped by {@link jobInputSchema}
 */
export function toJobInput(input: {
  source: Fields;
  target: Fields;
  schedule: Fields;
  [field: string]: unknown;
}): IngestionJobInput {
  const { source, target, schedule, ...rest } = input;
  const format: JobTarget['format'] = 'parquet';
  return {
    ...withoutBlanks(rest),
    source: withoutBlanks(onlyChosenVariant(source, SOURCE_FIELDS)),
    target: { format, ...withoutBlanks(target) },
    schedule: withoutBlanks(onlyChosenVariant(schedule, SCHEDULE_FIELDS)),
  } as unknown as IngestionJobInput;
}
