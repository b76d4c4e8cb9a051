import {
  CapacityPool,
  IngestionJob,
  JobLifecycle,
  JobSource,
  NamespaceTier,
  SourceType,
  TargetType,
} from '@internal/backstage-plugin-ingestion-common';

/** The words for a job's fields, as the pages write them. */
export const SOURCE_TYPE_LABELS: Record<SourceType, string> = {
  postgres: 'PostgreSQL',
  mysql: 'MySQL',
  s3: 'S3',
};

export const TARGET_TYPE_LABELS: Record<TargetType, string> = {
  s3: 'S3',
  hdfs: 'HDFS',
  local: 'Local folder',
};

export const POOL_LABELS: Record<CapacityPool, string> = {
  dedicated: 'Dedicated units',
  'vcore-hours': 'vCPU-hours',
};

export const LIFECYCLE_LABELS: Record<JobLifecycle, string> = {
  draft: 'Draft',
  production: 'Production',
};

export const JOB_STATUS_LABELS: Record<IngestionJob['status'], string> = {
  active: 'Active',
  paused: 'Paused',
};

export const TIER_LABELS: Record<NamespaceTier, string> = {
  dedicated: 'Dedicated',
  'vcore-hours': 'vCore hours',
  draft: 'Draft',
};

/** Where a job reads from, in one line: "payments.public.orders", "payments (query)", "s3://raw/orders/". */
export function sourceLocation(source: JobSource): string {
  if (source.type === 's3') return `s3://${source.bucket}/${source.prefix}`;
  return source.table
    ? `${source.database}.${source.table}`
    : `${source.database} (query)`;
}
