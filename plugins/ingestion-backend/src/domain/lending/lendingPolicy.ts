/**
 * When idle dedicated capacity may be lent, and how borrowers are ranked (Requirement 8), from `ingestion.lending`.
 */
export interface LendingPolicy {
  /** Idle share of the dedicated namespace above which it counts as idle (0.2 = more than 20% idle). */
  idleThreshold: number;
  /** How long the namespace must stay idle above the threshold before the idle part is lent. */
  idleWindowMs: number;
  /** Half-life of a borrower's past use when ranking borrowers (older use counts less). */
  usageHalfLifeMs: number;
  /** How far back a borrower's use is looked at all. */
  usageWindowMs: number;
}

export const DEFAULT_LENDING_POLICY: LendingPolicy = {
  idleThreshold: 0.2,
  idleWindowMs: 5 * 60_000,
  usageHalfLifeMs: 6 * 3_600_000,
  usageWindowMs: 24 * 3_600_000,
};
