import {
  IngestionJob,
  IngestionRun,
} from '@internal/backstage-plugin-ingestion-common';
import { RunSubmission } from '@internal/backstage-plugin-ingestion-node';

/** What an executor is told about a run: who, where, how big, and the job's source and target. */
export function toRunSubmission(
  job: IngestionJob,
  run: IngestionRun,
  watermark: string | null,
): RunSubmission {
  const { resources } = job;
  return {
    runId: run.id,
    jobId: job.id,
    tenant: job.tenant,
    tier: run.tier,
    namespace: run.namespace,
    opportunistic: run.opportunistic,
    resources: {
      driverCores: resources.driverCores,
      driverMemoryMiB: Math.round(resources.driverMemoryGiB * 1024),
      executorCores: resources.executorCores,
      executorMemoryMiB: Math.round(resources.executorMemoryGiB * 1024),
      executorInstances: resources.executorInstances,
    },
    application: {
      source: { ...job.source },
      target: { ...job.target },
      watermark,
    },
  };
}
