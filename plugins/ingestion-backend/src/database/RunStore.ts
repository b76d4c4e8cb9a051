import {
  IngestionRun,
  RunMetricsRecord,
  RunState,
} from '@internal/backstage-plugin-ingestion-common';

export interface NewRun
  extends Omit<
    IngestionRun,
    'state' | 'startedAt' | 'finishedAt' | 'message' | 'metrics' | 'slaMet'
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
}

export interface RunStore {
  /** Creates a queued run; returns undefined when a run with the same dedupe key exists. */
  create(run: NewRun): Promise<IngestionRun | undefined>;
  get(id: string): Promise<IngestionRun | undefined>;
  listByJob(
    jobId: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: IngestionRun[]; totalCount: number }>;
  listInStates(states: RunState[]): Promise<IngestionRun[]>;
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
