import {
  RunSubmission,
  toApplicationJobConfig,
} from '@internal/backstage-plugin-ingestion-node';

/**
 * The ingestion application's job.json for a Kubernetes run: the shared mapping (ingestion-node), refusing local
 * folder targets, which exist only on the local executor's machine.
 */
export function toJobJson(run: RunSubmission): Record<string, unknown> {
  if (run.application.target.type === 'local') {
    throw new Error(
      'target.type: local folders exist only on the machine of the local executor; a Kubernetes run needs an s3 or hdfs target',
    );
  }
  return { ...toApplicationJobConfig(run) };
}
