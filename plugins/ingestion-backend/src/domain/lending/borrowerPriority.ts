import { LendingPolicy } from './lendingPolicy';

/** Core-hours a tenant's runs held in one stretch of time (a usage rollup hour, or a run still going). */
export interface UsageSpan {
  tenant: string;
  /** When the stretch ended (now for a run still going), epoch ms. */
  endedAt: number;
  coreHours: number;
}

/**
 * A tenant's recent utilisation percentage: its core-hours of the last `usageWindowMs`, each halved for every
 * `usageHalfLifeMs` of age, as a percentage of the vCPU-hours it bought (its fair-share weight too). Like Kueue's
 * Admission Fair Sharing (usage with a half-life, relative to the queue's weight), but over what the tenant bought,
 * so a big buyer that used a little ranks before a small buyer that used all of it.
 */
export function recentUtilisationPercent(
  tenant: string,
  spans: readonly UsageSpan[],
  purchasedHours: number,
  now: number,
  policy: Pick<LendingPolicy, 'usageHalfLifeMs' | 'usageWindowMs'>,
): number {
  let decayed = 0;
  for (const span of spans) {
    if (span.tenant !== tenant) continue;
    const age = Math.max(0, now - span.endedAt);
    if (age > policy.usageWindowMs) continue;
    decayed += span.coreHours * 0.5 ** (age / policy.usageHalfLifeMs);
  }
  if (decayed === 0) return 0;
  return purchasedHours > 0 ? (100 * decayed) / purchasedHours : Infinity;
}

/** A run waiting to borrow lent capacity. */
export interface Borrower {
  id: string;
  tenant: string;
  queuedAt: string;
}

/**
 * The order in which waiting runs get lent capacity (Requirement 8.5): the tenant with the lowest recent utilisation
 * first; within a tenant, and between equal tenants, the run queued first.
 */
export function borrowerOrder<T extends Borrower>(
  waiting: readonly T[],
  utilisation: ReadonlyMap<string, number>,
): T[] {
  const of = (tenant: string) => utilisation.get(tenant) ?? 0;
  return [...waiting].sort(
    (a, b) =>
      of(a.tenant) - of(b.tenant) ||
      a.queuedAt.localeCompare(b.queuedAt) ||
      a.id.localeCompare(b.id),
  );
}
