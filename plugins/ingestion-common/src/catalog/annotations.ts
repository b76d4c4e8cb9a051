/**
 * `spec.type` of the catalog Resource entities that represent ingestion jobs.
 *
 * @public
 */
export const INGESTION_JOB_ENTITY_TYPE = 'ingestion-job';

/**
 * Annotation holding the id of the ingestion job an entity represents.
 *
 * @public
 */
export const ANNOTATION_INGESTION_JOB_ID = 'ingestion.backstage.io/job-id';

/**
 * Annotation holding the group entity ref of the tenant that owns the job.
 *
 * @public
 */
export const ANNOTATION_INGESTION_TENANT = 'ingestion.backstage.io/tenant';

/**
 * Annotation holding the capacity pool the job draws from (`dedicated` or `vcore-hours`).
 *
 * @public
 */
export const ANNOTATION_INGESTION_POOL = 'ingestion.backstage.io/pool';

/**
 * Annotation holding the job's lifecycle (`draft` while profiled, then `production`).
 *
 * @public
 */
export const ANNOTATION_INGESTION_LIFECYCLE =
  'ingestion.backstage.io/lifecycle';
