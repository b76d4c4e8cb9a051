import { NamespaceTier } from './capacity';

/**
 * Where a run is in its life. queued → submitted → running → succeeded | failed | cancelled.
 *
 * @public
 */
export type RunState =
  | 'queued'
  | 'submitted'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'cancelled';

/** @public */
export const TERMINAL_RUN_STATES: readonly RunState[] = [
  'succeeded',
  'failed',
  'cancelled',
];

/**
 * Measured by the engine for a finished run.
 *
 * @public
 */
export interface RunMetricsRecord {
  durationMs: number;
  cpuTimeMs: number;
  executorRunTimeMs: number;
  peakMemoryBytes: number;
  bytesIn: number;
  bytesOut: number;
  recordsIn: number;
  recordsOut: number;
}

/**
 * One execution of an ingestion job.
 *
 * @public
 */
export interface IngestionRun {
  id: string;
  jobId: string;
  tenant: string;
  state: RunState;
  trigger: 'schedule' | 'manual';
  scheduledFor: string;
  tier: NamespaceTier;
  namespace: string;
  opportunistic: boolean;
  allocatedCores: number;
  allocatedMemoryMiB: number;
  executor?: string;
  queuedAt: string;
  startedAt?: string;
  finishedAt?: string;
  message?: string;
  metrics?: RunMetricsRecord;
  /** For a queued run: when the slice calendar expects room for it. */
  estimatedStartAt?: string;
  /** Whether the run finished within the job's SLA (finished runs only). */
  slaMet?: boolean;
}

/**
 * Paging of `GET /jobs/{jobId}/runs`.
 *
 * @public
 */
export interface RunListQuery {
  /** 1 to 500, default 50. */
  limit?: number;
  offset?: number;
}

/**
 * One page of a job's runs, newest first, and how many it has in total.
 *
 * @public
 */
export interface RunList {
  items: IngestionRun[];
  totalCount: number;
}
