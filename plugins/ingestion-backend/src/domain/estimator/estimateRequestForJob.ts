import {
  EstimateRequest,
  IngestionJobSpec,
} from '@internal/backstage-plugin-ingestion-common';

/**
 * What a job asks of the estimator: its source and target, the volume it declared, its SLA as the desired time,
 * the parallel reads its source allows, and its schedule.
 */
export function estimateRequestForJob(job: IngestionJobSpec): EstimateRequest {
  const { source, target, estimates, schedule } = job;
  return {
    sourceType: source.type,
    targetType: target.type,
    ...(source.type === 's3' && { format: source.format }),
    dataVolumeGiB: estimates.dataVolumeGiB,
    desiredCompletionMinutes: estimates.slaMinutes,
    ...(source.type !== 's3' &&
      source.numPartitions !== undefined && {
        partitions: source.numPartitions,
      }),
    schedule,
  };
}
