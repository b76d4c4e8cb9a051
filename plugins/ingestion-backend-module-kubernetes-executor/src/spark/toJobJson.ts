import { RunSubmission } from '@internal/backstage-plugin-ingestion-node';

/** Fields of a job's source and target that name a secret: they become environment variables, never job.json. */
const SECRET_REFERENCES = ['credentialsSecret'];

/**
 * The ingestion application's job.json for a run (ingestion-app/README.md). Source and target pass through as
 * they are, minus secret references, so the application stays the one validator of their fields and its
 * messages reach the tenant unchanged.
 */
export function toJobJson(run: RunSubmission): Record<string, unknown> {
  if (run.application.target.type === 'local') {
    throw new Error(
      'target.type: local folders exist only on the machine of the local executor; a Kubernetes run needs an s3 or hdfs target',
    );
  }
  return {
    jobId: run.jobId,
    runId: run.runId,
    source: withoutSecretReferences(run.application.source),
    target: withoutSecretReferences(run.application.target),
    watermark: run.application.watermark ?? null,
  };
}

function withoutSecretReferences(
  section: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(section).filter(([key]) => !SECRET_REFERENCES.includes(key)),
  );
}
