import {
  IngestionJob,
  IngestionRun,
} from '@internal/backstage-plugin-ingestion-common';
import {
  RunSubmission,
  SourceTimeouts,
} from '@internal/backstage-plugin-ingestion-node';

/**
 * What an executor is told about a run: who, where and how big as stamped on the run when it was queued (the job
 * may have changed since), and the job's source and target.
 */
export function toRunSubmission(
  job: IngestionJob,
  run: IngestionRun,
  watermark: string | null,
  timeouts?: SourceTimeouts,
): RunSubmission {
  if (!run.sizing) {
    throw new Error(
      `run ${run.id} carries no sizing (queued before runs were sized when queued): run the job again`,
    );
  }
  return {
    runId: run.id,
    jobId: job.id,
    tenant: job.tenant,
    tier: run.tier,
    namespace: run.namespace,
    opportunistic: run.opportunistic,
    resources: { ...run.sizing },
    application: {
      source: { ...job.source },
      target: { ...job.target },
      watermark,
      ...(timeouts && { timeouts }),
    },
  };
}
