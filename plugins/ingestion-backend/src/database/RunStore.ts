import {
  IngestionRun,
  RunMetricsRecord,
  RunState,
} from '@internal/backstage-plugin-ingestion-common';

export interface NewRun
  extends Omit<
    IngestionRun,
    | 'state'
    | 'startedAt'
    | 'finishedAt'
    | 'message'
    | 'metrics'
    | 'slaMet'
    | 'slaOverrun'
    | 'efficiency'
    | 'estimatedStartAt'
    | 'outputPath'
    | 'watermark'
  > {
  /** Unique per intended execution (a job's occurrence, or a manual request), so a run is never created twice. */
  dedupeKey: string;
}

export interface RunTransition {
  from: RunState;
  to: RunState;
  at: number;
  reason?: string;
  startedAt?: number;
  finishedAt?: number;
  executor?: string;
  metrics?: RunMetricsRecord;
  opportunistic?: boolean;
  namespace?: string;
  outputPath?: string;
  watermark?: string | null;
}

export interface RunStore {
  /** Creates a queued run; returns undefined when a run with the same dedupe key exists. */
  create(run: NewRun): Promise<IngestionRun | undefined>;
  get(id: string): Promise<IngestionRun | undefined>;
  /** The run created under a dedupe key, if any. */
  getByDedupeKey(dedupeKey: string): Promise<IngestionRun | undefined>;
  /** How many of the tenant's runs of this trigger wait in the queue. */
  countQueued(
    tenant: string,
    trigger: IngestionRun['trigger'],
  ): Promise<number>;
  listByJob(
    jobId: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: IngestionRun[]; totalCount: number }>;
  /** Runs in any of `states`, oldest first; only one job's when `jobId` is given. */
  listInStates(states: RunState[], jobId?: string): Promise<IngestionRun[]>;
  /** Stores a finished run's SLA outcome, once: false when it already has one. */
  recordSlaOutcome(
    id: string,
    outcome: { met: boolean; overrun?: number },
  ): Promise<boolean>;
  /** Succeeded and failed runs of existing jobs whose SLA outcome is not stored yet (not followed up). */
  listUnjudged(): Promise<IngestionRun[]>;
  /**
   * Moves a run from `from` to `to` and records the transition, atomically; false when the run was not in `from`
   * (another replica or an earlier attempt moved it), so each transition happens once.
   */
  transition(id: string, change: RunTransition): Promise<boolean>;
  transitions(
    id: string,
  ): Promise<
    Array<{ from: RunState | null; to: RunState; at: string; reason?: string }>
  >;
}
