import {
  RunMetrics,
  RunObservation,
} from '@internal/backstage-plugin-ingestion-node';
import { ApplicationResult } from '../application/ApplicationResult';
import { RunState } from './RunState';

/** What is known of a run's folder and processes at one moment. */
export interface RunFacts {
  runId: string;
  /** This backend is still preparing the submission (writing files, before spawn). */
  preparing: boolean;
  state?: RunState;
  result?: ApplicationResult;
  /** The run's spark-submit process (same pid and start time as recorded) is alive. */
  processAlive: boolean;
  finishedAt?: string;
  metrics?: RunMetrics;
  /** spark-submit's last output lines, to explain a run that ended without a result. */
  logTail?: string;
}

/**
 * A run's state from the facts, with no I/O.
 * - Running while its process lives: result.json alone is not the end, the process still has to let go of its
 *   cores and memory.
 * - A result that says succeeded wins over a late cancel: the data was published, and the watermark must move.
 * - A cancelled run's failure (Spark dying of the SIGTERM) is reported as cancelled.
 */
export function runOutcome(facts: RunFacts): RunObservation {
  const { runId, state, result } = facts;
  const base = { runId, startedAt: state?.startedAt };
  if (facts.preparing) {
    return { runId, state: 'submitted' };
  }
  if (facts.processAlive) {
    return { ...base, state: 'running' };
  }
  const finished = {
    ...base,
    finishedAt: facts.finishedAt,
    ...(facts.metrics ? { metrics: facts.metrics } : {}),
  };
  if (result?.status === 'succeeded') {
    return {
      ...finished,
      state: 'succeeded',
      watermark: result.watermark ?? null,
      ...(result.outputPath && { outputPath: result.outputPath }),
    };
  }
  if (state?.cancelRequestedAt) {
    return { ...finished, state: 'cancelled', message: 'cancelled' };
  }
  if (result) {
    return {
      ...finished,
      state: 'failed',
      message:
        result.error ?? 'the ingestion application failed without saying why',
    };
  }
  if (state?.pid === undefined) {
    return {
      ...finished,
      state: 'failed',
      message:
        'the submission was interrupted before spark-submit started (the backend stopped)',
    };
  }
  let how = 'ended';
  if (state.exit?.signal) {
    how = `was killed by ${state.exit.signal}`;
  } else if (state.exit) {
    how = `exited with code ${state.exit.code}`;
  }
  const tail = facts.logTail ? `; its last output:\n${facts.logTail}` : '';
  return {
    ...finished,
    state: 'failed',
    message: `spark-submit ${how} without writing result.json${tail}`,
  };
}
