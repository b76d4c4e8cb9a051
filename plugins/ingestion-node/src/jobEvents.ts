import {
  IngestionJob,
  RegistrySnapshot,
} from '@internal/backstage-plugin-ingestion-common';

/**
 * Events-service topic on which the ingestion backend announces every job change, so that other plugins (the
 * catalog provider) can apply deltas instead of re-reading everything.
 *
 * @public
 */
export const INGESTION_JOB_EVENTS_TOPIC = 'ingestion.jobs';

/** @public */
export type IngestionJobEvent =
  | { action: 'upserted'; job: IngestionJob }
  | { action: 'deleted'; jobId: string; tenant: string; name: string };

/**
 * Events-service topic on which the ingestion backend announces every change of the Spark Unit registry (payload:
 * the new RegistrySnapshot), so executors can update namespace quotas.
 *
 * @public
 */
export const INGESTION_REGISTRY_EVENTS_TOPIC = 'ingestion.registry';

/** @public */
export type IngestionRegistryEvent = { registry: RegistrySnapshot };
