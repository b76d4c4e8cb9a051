import {
  IngestionJob,
  IngestionJobSpec,
} from '@internal/backstage-plugin-ingestion-common';

/** The part of a stored job its owner wrote, without what the service keeps about it. */
export function specOf(job: IngestionJob): IngestionJobSpec {
  const {
    id: _id,
    lifecycle: _lifecycle,
    tier: _tier,
    status: _status,
    createdAt: _createdAt,
    createdBy: _createdBy,
    updatedAt: _updatedAt,
    ...spec
  } = job;
  return spec;
}
