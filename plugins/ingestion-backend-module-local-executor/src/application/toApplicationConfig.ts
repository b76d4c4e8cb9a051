import { RunSubmission } from '@internal/backstage-plugin-ingestion-node';
import { ApplicationJobConfig } from './ApplicationJobConfig';

/** Fields of the job's source and target that name a secret: this executor resolves them into the environment. */
const SECRET_REFERENCES = ['credentialsSecret'];

/**
 * The application's job.json for a run. Source and target are passed through as they are, minus the secret
 * references, so the application stays the one validator of their fields (it rejects unknown ones and names the
 * field at fault, which then reaches the tenant as the run's failure message).
 */
export function toApplicationConfig(run: RunSubmission): ApplicationJobConfig {
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
