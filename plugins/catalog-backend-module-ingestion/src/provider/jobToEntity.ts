import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  parseEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_INGESTION_JOB_ID,
  ANNOTATION_INGESTION_LIFECYCLE,
  ANNOTATION_INGESTION_POOL,
  ANNOTATION_INGESTION_TENANT,
  INGESTION_JOB_ENTITY_TYPE,
  IngestionJob,
  ingestionJobEntityName,
  JobSchedule,
  JobSource,
  NamespaceTier,
} from '@internal/backstage-plugin-ingestion-common';

/** The System entity every job is part of (examples/entities.yaml). */
const INGESTION_SYSTEM_REF = 'system:default/spark-ingestion';

const ANNOTATION_KUBERNETES_LABEL_SELECTOR =
  'backstage.io/kubernetes-label-selector';
const ANNOTATION_KUBERNETES_NAMESPACE = 'backstage.io/kubernetes-namespace';

/**
 * Where a job's entity comes from, for the catalog's `managed-by-location` annotations. Not a `url:` location (the
 * job lives in the ingestion API, not in a file): a location ref must still be `<type>:<target>`.
 */
export function jobLocationRef(jobId: string): string {
  return `ingestion:jobs/${jobId}`;
}

/**
 * The source without anything that could carry a credential: no secret names, no query text, no endpoint URL
 * (which may hold user:password).
 */
function describeSource(source: JobSource) {
  if (source.type === 's3') {
    return {
      type: source.type,
      bucket: source.bucket,
      prefix: source.prefix,
      format: source.format,
      ...(source.region ? { region: source.region } : {}),
    };
  }
  return {
    type: source.type,
    host: source.host,
    port: source.port,
    database: source.database,
    ...(source.table ? { table: source.table } : {}),
  };
}

function describeSchedule(schedule: JobSchedule) {
  if (schedule.type === 'cron') {
    return {
      type: schedule.type,
      expression: schedule.expression,
      timezone: schedule.timezone,
    };
  }
  return {
    type: schedule.type,
    everyMinutes: schedule.everyMinutes,
    ...(schedule.startAt ? { startAt: schedule.startAt } : {}),
  };
}

function sourceSummary(source: JobSource): string {
  if (source.type === 's3') return `s3://${source.bucket}/${source.prefix}`;
  return `${source.type} ${source.host}/${source.database}${
    source.table ? ` (${source.table})` : ''
  }`;
}

/**
 * Maps an ingestion job to its catalog entity: a Resource of type `ingestion-job` owned by the tenant, with a
 * summary of the job's configuration, the annotations that tie it to the job, and those the Kubernetes plugin uses
 * to find the job's Spark pods. Every field is picked explicitly, so nothing the job gains later (and no credential
 * or secret name) reaches the catalog unless it is added here.
 *
 * @param job - the job as the ingestion API returns it
 * @param namespaces - the Kubernetes namespace of each tier
 * @public
 */
export function jobToEntity(
  job: IngestionJob,
  namespaces: Record<NamespaceTier, string>,
): Entity {
  const location = jobLocationRef(job.id);
  const { namespace, name } = ingestionJobEntityName(job);
  const tenantName = parseEntityRef(job.tenant).name;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace,
      title: job.name,
      description:
        job.description ||
        `Ingestion job of ${tenantName}: ${sourceSummary(job.source)} to ${
          job.target.path
        }`,
      tags: [...new Set([job.source.type, job.target.type, job.pool])],
      annotations: {
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
        [ANNOTATION_INGESTION_JOB_ID]: job.id,
        [ANNOTATION_INGESTION_TENANT]: job.tenant,
        [ANNOTATION_INGESTION_POOL]: job.pool,
        [ANNOTATION_INGESTION_LIFECYCLE]: job.lifecycle,
        [ANNOTATION_KUBERNETES_LABEL_SELECTOR]: `${ANNOTATION_INGESTION_JOB_ID}=${job.id}`,
        [ANNOTATION_KUBERNETES_NAMESPACE]: namespaces[job.tier],
      },
    },
    spec: {
      type: INGESTION_JOB_ENTITY_TYPE,
      owner: job.tenant,
      lifecycle: job.lifecycle,
      system: INGESTION_SYSTEM_REF,
      status: job.status,
      pool: job.pool,
      tier: job.tier,
      source: describeSource(job.source),
      target: {
        type: job.target.type,
        path: job.target.path,
        format: job.target.format,
        ...(job.target.partitionBy?.length
          ? { partitionBy: job.target.partitionBy }
          : {}),
      },
      schedule: describeSchedule(job.schedule),
      estimates: {
        dataVolumeGiB: job.estimates.dataVolumeGiB,
        expectedDurationMinutes: job.estimates.expectedDurationMinutes,
        slaMinutes: job.estimates.slaMinutes,
      },
      resources: {
        executorInstances: job.resources.executorInstances,
        executorCores: job.resources.executorCores,
        executorMemoryGiB: job.resources.executorMemoryGiB,
        driverCores: job.resources.driverCores,
        driverMemoryGiB: job.resources.driverMemoryGiB,
      },
    },
  };
}
