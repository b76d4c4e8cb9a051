import { JobLifecycleEvent } from '@internal/backstage-plugin-ingestion-common';

/** What is told about a run, at most once each. */
export type RunNoticeKind = 'recommendation' | 'failed' | 'sla-overrun';

export interface LifecycleStore {
  /** Adds a step to a job's lifecycle timeline. */
  appendEvent(jobId: string, event: JobLifecycleEvent): Promise<void>;
  /** A job's lifecycle timeline, oldest first. */
  events(jobId: string): Promise<JobLifecycleEvent[]>;
  /**
   * Claims the right to send one notice about a run: true the first time only, also across restarts and replicas.
   * Claimed before sending, so a notice is sent at most once.
   */
  claimNotice(runId: string, kind: RunNoticeKind, at: number): Promise<boolean>;
}
