import { HOUR_MS, LedgerFact } from './ledgerFacts';

/** The state of a tenant's vCPU-hour wallet at one instant. */
export interface WalletState {
  at: number;
  /** vCPU-hours of purchases valid at `at`. */
  purchasedHours: number;
  /** Unspent hours of valid purchases, minus any overdraft. */
  remainingHours: number;
  /** Debits that found no valid purchase to draw from; paid by the next purchase. */
  overdraftHours: number;
}

interface Lot {
  quantity: number;
  remaining: number;
  validFrom: number;
  validUntil: number;
}

type WalletEvent =
  | { at: number; order: 0; type: 'start'; lot: Lot }
  | { at: number; order: 1; type: 'debit'; hours: number }
  | { at: number; order: 2; type: 'expire'; lot: Lot };

/**
 * Replays vCPU-hour purchases, debits and adjustments in time order and returns the wallet after every event up to
 * `until` (inclusive). Debits draw from the valid purchase that expires first, so hours about to lapse are used
 * before hours that would last; unspent hours stop counting when their purchase's validity ends. A debit that
 * finds nothing to draw from becomes overdraft, which the next purchase pays first.
 *
 * Expiry entries in the ledger are not read here: they record, for people, what this rule already implies.
 */
export function replayVcpuHourWallet(
  facts: LedgerFact[],
  until: number,
): WalletState[] {
  const events: WalletEvent[] = [];
  for (const fact of facts) {
    if (fact.unitType !== 'vcpu-hours' || fact.kind === 'expiry') continue;
    if (fact.quantity > 0) {
      const lot: Lot = {
        quantity: fact.quantity,
        remaining: fact.quantity,
        validFrom: fact.validFrom ?? fact.occurredAt,
        validUntil: fact.validUntil ?? Infinity,
      };
      events.push({ at: lot.validFrom, order: 0, type: 'start', lot });
      if (Number.isFinite(lot.validUntil)) {
        events.push({ at: lot.validUntil, order: 2, type: 'expire', lot });
      }
    } else if (fact.quantity < 0) {
      events.push({
        at: fact.occurredAt,
        order: 1,
        type: 'debit',
        hours: -fact.quantity,
      });
    }
  }
  events.sort((a, b) => a.at - b.at || a.order - b.order);

  const active: Lot[] = [];
  let overdraft = 0;
  const states: WalletState[] = [];
  const snapshot = (at: number): WalletState => {
    const purchasedHours = active.reduce((n, lot) => n + lot.quantity, 0);
    const unspent = active.reduce((n, lot) => n + lot.remaining, 0);
    return {
      at,
      purchasedHours,
      remainingHours: unspent - overdraft,
      overdraftHours: overdraft,
    };
  };

  for (const event of events) {
    if (event.at > until) break;
    if (event.type === 'start') {
      const paid = Math.min(overdraft, event.lot.remaining);
      event.lot.remaining -= paid;
      overdraft -= paid;
      active.push(event.lot);
      active.sort((a, b) => a.validUntil - b.validUntil);
    } else if (event.type === 'expire') {
      active.splice(active.indexOf(event.lot), 1);
    } else {
      let owed = event.hours;
      for (const lot of active) {
        const take = Math.min(lot.remaining, owed);
        lot.remaining -= take;
        owed -= take;
        if (owed <= 0) break;
      }
      overdraft += owed;
    }
    states.push(snapshot(event.at));
  }
  states.push(snapshot(until));
  return states;
}

/** The wallet at `now`. */
export function vcpuHourWalletAt(
  facts: LedgerFact[],
  now: number,
): WalletState {
  const states = replayVcpuHourWallet(facts, now);
  return states[states.length - 1];
}

/** vCPU-hours debited per hour over the `windowMs` before `now`. */
export function consumptionRatePerHour(
  facts: LedgerFact[],
  now: number,
  windowMs = 24 * HOUR_MS,
): number {
  const debited = facts
    .filter(
      f =>
        f.unitType === 'vcpu-hours' &&
        f.kind === 'run-debit' &&
        f.occurredAt > now - windowMs &&
        f.occurredAt <= now,
    )
    .reduce((n, f) => n - f.quantity, 0);
  return debited / (windowMs / HOUR_MS);
}

/** Projections further out than this say nothing (and a large balance at a tiny rate leaves the calendar). */
const DEPLETION_HORIZON_MS = 100 * 365 * 24 * HOUR_MS;

/**
 * When the remaining hours run out at `ratePerHour`; undefined when nothing is consumed, or when they would last
 * beyond a century at that rate.
 */
export function estimateDepletion(
  remainingHours: number,
  ratePerHour: number,
  now: number,
): number | undefined {
  if (ratePerHour <= 0) return undefined;
  if (remainingHours <= 0) return now;
  const lasts = (remainingHours / ratePerHour) * HOUR_MS;
  return lasts > DEPLETION_HORIZON_MS ? undefined : now + lasts;
}
