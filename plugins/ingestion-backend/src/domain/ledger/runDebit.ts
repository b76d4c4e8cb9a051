import { HOUR_MS } from './ledgerFacts';

/** A finished run, as the meter sees it. */
export interface MeteredRun {
  runId: string;
  allocatedCores: number;
  startedAt: number;
  finishedAt: number;
  /** Ran on capacity lent by the dedicated namespace: recorded, never debited. */
  opportunistic: boolean;
}

/**
 * vCPU-hours a run consumed: the cores allocated to it times how long it ran (not what it used: the cores were
 * reserved for it whether busy or not). Opportunistic runs cost nothing.
 */
export function vcpuHoursOf(run: MeteredRun): number {
  if (run.opportunistic) return 0;
  if (!(run.allocatedCores >= 0)) {
    throw new Error(`run ${run.runId}: allocatedCores must be a number >= 0`);
  }
  if (run.finishedAt < run.startedAt) {
    throw new Error(`run ${run.runId}: finishedAt is before startedAt`);
  }
  return (run.allocatedCores * (run.finishedAt - run.startedAt)) / HOUR_MS;
}

/**
 * Core-hours a run held, charged or not: what an opportunistic run is recorded with (Requirement 8.3), so lent
 * capacity shows up in the tenant's history at zero charge.
 */
export function coreHoursHeld(run: MeteredRun): number {
  return vcpuHoursOf({ ...run, opportunistic: false });
}

/** The ledger's idempotency key of a run's debit: one debit per run, however often its completion is reported. */
export function runDebitKey(runId: string): string {
  return `run-debit:${runId}`;
}
