import { RunSubmission, SourceTimeouts } from './executor';

/**
 * The ingestion application's job.json (see ingestion-app/README.md). Never holds credentials: the application
 * reads those from its environment, which each executor fills from the secrets the job references.
 *
 * @public
 */
export interface ApplicationJobConfig {
  jobId: string;
  runId: string;
  source: Record<string, unknown>;
  target: Record<string, unknown>;
  watermark: string | null;
  timeouts?: SourceTimeouts;
}

/**
 * The application's result.json (ingestion-app/README.md): what every executor reads back from a run.
 *
 * @public
 */
export interface ApplicationResult {
  status: 'succeeded' | 'failed';
  error?: string;
  errorField?: string;
  rowsIn?: number;
  rowsOut?: number;
  bytesIn?: number;
  bytesOut?: number;
  watermark?: string | null;
  outputPath?: string;
  durationMs?: number;
  eventLog?: string;
  /** The application's summary of Spark's event log. */
  metrics?: {
    durationMs?: number;
    executorRunTimeMs?: number;
    executorCpuTimeMs?: number;
    peakExecutionMemoryBytes?: number;
    peakJvmHeapBytes?: number;
    inputBytes?: number;
    inputRecords?: number;
    outputBytes?: number;
    outputRecords?: number;
  };
}

/** Fields of a job's source and target that name a secret: they become environment variables, never job.json. */
const SECRET_REFERENCES = ['credentialsSecret'];

/**
 * The application's job.json for a run, shared by every executor. Source and target pass through as they are,
 * minus secret references, so the application stays the one validator of their fields and its messages (naming
 * the field at fault) reach the tenant unchanged as the run's failure message.
 *
 * @public
 */
export function toApplicationJobConfig(
  run: RunSubmission,
): ApplicationJobConfig {
  return {
    jobId: run.jobId,
    runId: run.runId,
    source: withoutSecretReferences(run.application.source),
    target: withoutSecretReferences(run.application.target),
    watermark: run.application.watermark ?? null,
    ...(run.application.timeouts && { timeouts: run.application.timeouts }),
  };
}

function withoutSecretReferences(
  section: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(section).filter(([key]) => !SECRET_REFERENCES.includes(key)),
  );
}
