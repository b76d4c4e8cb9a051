import { NamespaceTier } from './capacity';
import { CapacityPool } from './jobs';

/**
 * Where a run is in its life. queued → submitted → running → succeeded | failed | cancelled | timed_out
 * (stopped by the service at the run time limit, a multiple of the job's SLA).
 *
 * @public
 */
export type RunState =
  | 'queued'
  | 'submitted'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'cancelled'
  | 'timed_out';

/** @public */
export const TERMINAL_RUN_STATES: readonly RunState[] = [
  'succeeded',
  'failed',
  'cancelled',
  'timed_out',
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
 * How one run is sized, stamped on it when it is queued: the executor starts it with exactly this, whatever the
 * job says later. Memory is per process (driver, each executor), Spark's overhead included.
 *
 * @public
 */
export interface RunSizing {
  driverCores: number;
  driverMemoryMiB: number;
  executorCores: number;
  executorMemoryMiB: number;
  executorInstances: number;
}

/**
 * Actual against allocated for one run: CPU time over allocated cores × duration, peak memory over allocated
 * memory (fractions; 0.45 = 45%).
 *
 * @public
 */
export interface RunEfficiency {
  cpu: number;
  memory: number;
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
  /** The pool the run is charged to, as the job's was when it was queued. */
  pool: CapacityPool;
  tier: NamespaceTier;
  namespace: string;
  opportunistic: boolean;
  allocatedCores: number;
  allocatedMemoryMiB: number;
  /** How the run is sized (absent on runs queued before runs carried it). */
  sizing?: RunSizing;
  executor?: string;
  queuedAt: string;
  startedAt?: string;
  finishedAt?: string;
  message?: string;
  metrics?: RunMetricsRecord;
  /** For a queued run: when the slice calendar expects room for it. */
  estimatedStartAt?: string;
  /** Whether the run finished within the job's SLA, judged once by the server when it finished. */
  slaMet?: boolean;
  /** How far over its SLA the run took, as a fraction of the SLA (0.25 = 25% over); 0 within it. */
  slaOverrun?: number;
  /** Actual against allocated CPU and memory (runs with metrics). */
  efficiency?: RunEfficiency;
  /** Where a succeeded run's data landed (its run directory in the target dataset). */
  outputPath?: string;
  /** The incremental-load watermark after a succeeded run (null for a full load, or before any row). */
  watermark?: string | null;
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
