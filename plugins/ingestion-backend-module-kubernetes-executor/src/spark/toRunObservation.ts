import {
  ExecutorRunState,
  RunObservation,
} from '@internal/backstage-plugin-ingestion-node';
import { SparkApplication, SparkApplicationState } from './SparkApplication';

/**
 * How spark-operator's application states read as run states.
 * - Not started yet, or waiting to start again: submitted ('' is a SparkApplication the operator has not picked
 *   up yet; SUSPENDED/SUSPENDING/RESUMING only happen if someone suspends it by hand).
 * - RUNNING, and the SUCCEEDING/FAILING steps before the final state: running. UNKNOWN is a driver whose node
 *   stopped reporting: still running as far as anyone knows.
 * - COMPLETED: succeeded.
 * - FAILED, SUBMISSION_FAILED (spark-submit itself failed, e.g. the quota refused the driver pod; with
 *   restartPolicy Never the operator then moves it to FAILED), and
 *   INVALIDATING (its spec was changed, which this module never does: the run as submitted is gone): failed.
 */
const STATES: Record<SparkApplicationState, ExecutorRunState> = {
  '': 'submitted',
  SUBMITTED: 'submitted',
  PENDING_RERUN: 'submitted',
  SUSPENDING: 'submitted',
  SUSPENDED: 'submitted',
  RESUMING: 'submitted',
  RUNNING: 'running',
  SUCCEEDING: 'running',
  FAILING: 'running',
  UNKNOWN: 'running',
  COMPLETED: 'succeeded',
  FAILED: 'failed',
  SUBMISSION_FAILED: 'failed',
  INVALIDATING: 'failed',
};

/** spark-submit's stderr ends up in errorMessage; a tenant needs its gist, not a JVM stack trace. */
const MAX_MESSAGE = 1000;

/** What a SparkApplication says about its run. */
export function toRunObservation(
  runId: string,
  app: SparkApplication,
): RunObservation {
  const sparkState = (app.status?.applicationState?.state ??
    '') as SparkApplicationState;
  const state: ExecutorRunState = STATES[sparkState] ?? 'running';
  const startedAt = timestamp(app.status?.lastSubmissionAttemptTime);
  const finishedAt = timestamp(app.status?.terminationTime);
  const observation: RunObservation = { runId, state };
  if (startedAt && state !== 'submitted') observation.startedAt = startedAt;
  if (state === 'succeeded' || state === 'failed') {
    // SUBMISSION_FAILED has no terminationTime: the run ended when the submission attempt did.
    const end = finishedAt ?? startedAt;
    if (end) observation.finishedAt = end;
  }
  if (state === 'failed') {
    observation.message = failureMessage(sparkState, app);
  }
  return observation;
}

function failureMessage(state: SparkApplicationState, app: SparkApplication) {
  const detail = app.status?.applicationState?.errorMessage?.trim();
  if (state === 'INVALIDATING') {
    return 'the SparkApplication was changed outside the ingestion service; the run as submitted no longer exists';
  }
  // spark-operator moves a failed submission to FAILED when it will not retry (restartPolicy Never); it counts
  // an execution attempt only once spark-submit has created the driver.
  const prefix =
    state === 'SUBMISSION_FAILED' || !(app.status?.executionAttempts! > 0)
      ? 'the run could not start'
      : 'the Spark application failed';
  return detail ? `${prefix}: ${summarize(detail)}` : prefix;
}

/**
 * The informative part of a long error. spark-submit reports the API server's refusal inside a one-line Java
 * exception (`... Message: pods "x-driver" is forbidden: exceeded quota: ... Received status: Status(...)`):
 * that refusal is what a tenant needs. Otherwise the first line, cut to MAX_MESSAGE characters.
 */
export function summarize(detail: string): string {
  const refusal = detail.match(
    /\S+ "[^"]*" is forbidden: .*?(?=\. Received status:|\n|$)/,
  );
  const text = refusal ? refusal[0] : detail.split('\n')[0].trim();
  return text.length > MAX_MESSAGE
    ? `${text.slice(0, MAX_MESSAGE - 1)}…`
    : text;
}

function timestamp(
  value: string | Date | null | undefined,
): string | undefined {
  if (!value) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  // The operator writes the zero time (0001-01-01T00:00:00Z) for "not yet".
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1970) {
    return undefined;
  }
  return date.toISOString();
}
