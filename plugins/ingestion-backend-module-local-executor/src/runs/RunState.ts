/**
 * state.json in a run's folder: what the executor needs to find the run's processes again after a backend
 * restart, and what it decided about the run (a cancel) that the processes cannot tell.
 */
export interface RunState {
  runId: string;
  jobId: string;
  submittedAt: string;
  /** The spark-submit process, leader of the run's own process group (pgid = pid). */
  pid?: number;
  pgid?: number;
  /** The process's start time as the OS reports it: with the pid, tells the run's process from a recycled pid. */
  processStartTime?: string;
  startedAt?: string;
  cancelRequestedAt?: string;
  /** Filled by the backend that spawned the process, when it saw it exit (an adopting backend cannot). */
  exit?: { code: number | null; signal: string | null; at: string };
}
