import { NamespaceTier } from './capacity';

/**
 * When a job runs: a cron expression in a time zone (daylight-saving aware), or a fixed interval.
 *
 * @public
 */
export type JobSchedule =
  | { type: 'cron'; expression: string; timezone: string }
  | { type: 'interval'; everyMinutes: number; startAt?: string };

/** @public */
export type SourceType = 'postgres' | 'mysql' | 's3';
/**
 * Where a job lands its Parquet files. `local` (a folder on the machine running the local executor) exists for
 * the quick start and development only, and is refused unless `ingestion.allowLocalTargets` is on.
 *
 * @public
 */
export type TargetType = 's3' | 'hdfs' | 'local';
/** @public */
export type FileFormat = 'csv' | 'json' | 'parquet';

/**
 * A relational source, read over JDBC. Credentials are only a reference to a secret, never the secret itself.
 *
 * @public
 */
export interface JdbcSource {
  type: 'postgres' | 'mysql';
  host: string;
  port: number;
  database: string;
  /** Exactly one of table and query. */
  table?: string;
  query?: string;
  /** Numeric or date column to split parallel reads on. */
  partitionColumn?: string;
  numPartitions?: number;
  /** Column whose maximum is kept as a watermark for incremental loads. */
  incrementalColumn?: string;
  /** Name of the secret holding user and password. */
  credentialsSecret: string;
}

/**
 * How Spark reads CSV and JSON files (its own option names). Columns are strings in CSV unless `inferSchema` or
 * `schema` types them; a record that does not fit the schema fails the run.
 *
 * @public
 */
export interface S3ReadOptions {
  /** CSV: the first line names the columns (default true). */
  header?: boolean;
  /** CSV: one character (default `,`). */
  delimiter?: string;
  /** Type the columns from the data. */
  inferSchema?: boolean;
  /** The columns in SQL DDL, e.g. `id BIGINT, amount DECIMAL(10,2), day DATE`; not with inferSchema. */
  schema?: string;
  /** JSON: a document or array per file; CSV: quoted fields spanning lines. */
  multiLine?: boolean;
  dateFormat?: string;
  timestampFormat?: string;
}

/** @public */
export interface S3Source {
  type: 's3';
  bucket: string;
  prefix: string;
  format: FileFormat;
  /** csv and json only. */
  options?: S3ReadOptions;
  endpoint?: string;
  region?: string;
  credentialsSecret?: string;
}

/** @public */
export type JobSource = JdbcSource | S3Source;

/**
 * How a run lands in the target dataset: replace it, add to it, or replace only the partitions (values of
 * partitionBy) the run wrote. Left out: overwrite for a full load, append for an incremental one.
 *
 * @public
 */
export type TargetMode = 'overwrite' | 'append' | 'overwrite-partitions';

/** @public */
export interface JobTarget {
  type: TargetType;
  /** s3a://bucket/prefix, hdfs://namenode:port/path, or an absolute folder for local targets */
  path: string;
  format: 'parquet';
  partitionBy?: string[];
  mode?: TargetMode;
  endpoint?: string;
  credentialsSecret?: string;
}

/**
 * What the tenant expects of a job; the scheduler uses it until measured runs exist.
 *
 * @public
 */
export interface JobEstimates {
  dataVolumeGiB: number;
  expectedDurationMinutes: number;
  /** Maximum acceptable duration. */
  slaMinutes: number;
}

/**
 * Cores and memory one run asks for.
 *
 * @public
 */
export interface JobResources {
  executorInstances: number;
  executorCores: number;
  executorMemoryGiB: number;
  driverCores: number;
  driverMemoryGiB: number;
}

/** @public */
export type CapacityPool = 'dedicated' | 'vcore-hours';

/** @public */
export type JobLifecycle = 'draft' | 'production';

/**
 * What a tenant submits to create or update a job.
 *
 * @public
 */
export interface IngestionJobSpec {
  name: string;
  description?: string;
  /** Group entity ref of the owning tenant. */
  tenant: string;
  source: JobSource;
  target: JobTarget;
  schedule: JobSchedule;
  estimates: JobEstimates;
  resources: JobResources;
  pool: CapacityPool;
}

/**
 * A stored job.
 *
 * @public
 */
export interface IngestionJob extends IngestionJobSpec {
  id: string;
  lifecycle: JobLifecycle;
  /** Namespace tier the job's runs are placed in now. */
  tier: NamespaceTier;
  status: 'active' | 'paused';
  /** Why the job is in its lifecycle stage: promoted, not promoted (and why), or sent back to draft. */
  lifecycleReason?: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/**
 * One step of a job's lifecycle, for its timeline: created in draft, promoted, not promoted (and why), sent back.
 *
 * @public
 */
export interface JobLifecycleEvent {
  at: string;
  kind: 'created' | 'promoted' | 'promotion-refused' | 'sent-back';
  /** The lifecycle and namespace tier the job is in after this step. */
  lifecycle: JobLifecycle;
  tier: NamespaceTier;
  /** Who took the step: a user, or `lifecycle` for the automatic profiling. */
  by: string;
  reason: string;
}

/**
 * A concrete change to a job's resources, with the numbers it comes from: the executors that would meet the SLA
 * after a slow run, or a smaller request after runs that used less than 60% of theirs.
 *
 * @public
 */
export interface JobRecommendation {
  kind: 'meet-sla' | 'reduce-cpu' | 'reduce-memory';
  message: string;
  /** The job's resources with the change applied. */
  resources: JobResources;
  /** The runs it is computed from, newest first. */
  runIds: string[];
}

/**
 * A job's lifecycle and feedback as the server computes them (`GET /jobs/{jobId}/health`).
 *
 * @public
 */
export interface JobHealth {
  jobId: string;
  lifecycle: JobLifecycle;
  tier: NamespaceTier;
  lifecycleReason?: string;
  profiling: { requiredRuns: number; consecutiveWithinSla: number };
  timeline: JobLifecycleEvent[];
  /** Over the job's latest runs (up to 100). */
  sla: { judgedRuns: number; metRuns: number; complianceRate?: number };
  recommendations: JobRecommendation[];
  /** The latest finished run (succeeded, failed or cancelled), if any. */
  lastFinishedRun?: {
    id: string;
    state: 'succeeded' | 'failed' | 'cancelled';
    finishedAt?: string;
    message?: string;
  };
}
