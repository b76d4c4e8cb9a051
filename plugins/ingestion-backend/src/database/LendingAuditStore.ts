import { LendingEvent } from '@internal/backstage-plugin-ingestion-common';

/** What lent capacity one run held. */
export interface LentHolding {
  runId: string;
  tenant: string;
  cores: number;
  memoryMiB: number;
  at: number;
}

/** The audit of lending (Requirement 8), and the idle window of the dedicated namespace. */
export interface LendingAuditStore {
  /** An opportunistic run started on lent capacity; recorded once per run. */
  recordLoan(loan: LentHolding): Promise<void>;
  /** An opportunistic run stopped holding lent capacity (finished or preempted), with the core-hours it held. */
  recordLoanEnded(
    runId: string,
    endedAt: number,
    coreHours: number,
  ): Promise<void>;
  /** An opportunistic run stopped to make room for `reclaimedFor`, and the run queued in its place. */
  recordPreemption(
    preemption: LentHolding & { reclaimedFor: string; requeuedAs: string },
  ): Promise<void>;
  /** A dedicated run took capacity back: asked at `requestedAt`, its victims stopped by `at`. */
  recordReclaim(
    reclaim: LentHolding & { requestedAt: number; victims: number },
  ): Promise<void>;
  /** The dedicated run that reclaimed capacity is running: the end of its reclaim time. */
  recordReclaimRunning(runId: string, at: number): Promise<void>;
  /** Events that occurred in [from, to), oldest first, at most `limit`. */
  list(query: {
    from: number;
    to: number;
    limit: number;
  }): Promise<LendingEvent[]>;
  /** Since when the dedicated namespace has been idle above the threshold; null when it is not. */
  idleSince(): Promise<number | null>;
  setIdleSince(idleSince: number | null): Promise<void>;
}
