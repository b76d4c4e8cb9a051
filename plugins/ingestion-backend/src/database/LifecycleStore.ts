import {
  IngestionJob,
  IngestionJobSpec,
  JobLifecycleEvent,
} from '@internal/backstage-plugin-ingestion-common';

/** What is told about a run, at most once each. */
export type RunNoticeKind = 'recommendation' | 'failed' | 'sla-overrun';

export interface LifecycleStore {
  /**
   * Moves a job to the step's lifecycle and tier (with the step's reason, and a new spec when the step comes from
   * an edit) and adds the step to its timeline, in one transaction: the timeline never misses a move.
   */
  recordStep(
    jobId: string,
    step: JobLifecycleEvent,
    change?: { spec?: IngestionJobSpec },
  ): Promise<IngestionJob>;
  /** A job's lifecycle timeline, oldest first. */
  events(jobId: string): Promise<JobLifecycleEvent[]>;
  /**
   * Claims the right to send one notice about a run: true the first time only, also across restarts and replicas.
   * Claimed before sending, so a notice is sent at most once.
   */
  claimNotice(runId: string, kind: RunNoticeKind, at: number): Promise<boolean>;
}
