import { BalancePoint } from '@internal/backstage-plugin-ingestion-common';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** One row of the burn-down chart; each series is set only where it is drawn. */
export interface BurnDownRow {
  at: number;
  /** The wallet from `at` until the next row (past only). */
  remaining?: number;
  purchased?: number;
  /** Remaining hours projected at the current consumption rate (now and later only). */
  projected?: number;
}

/**
 * Turns the balance history into rows spanning exactly [since, now]. The backend sends the wallet after every
 * ledger event (and a point at `since` when anything happened before it); with no point at `since` nothing had
 * happened yet, so the chart starts from an empty wallet. The last state is carried forward to `now`.
 */
export function burnDownSeries(
  points: BalancePoint[],
  since: number,
  now: number,
): Required<Pick<BurnDownRow, 'at' | 'remaining' | 'purchased'>>[] {
  const steps = points
    .map(p => ({
      at: Math.min(now, Math.max(since, Date.parse(p.at))),
      remaining: p.remainingHours,
      purchased: p.purchasedHours,
    }))
    .sort((a, b) => a.at - b.at);
  if (steps.length === 0 || steps[0].at > since) {
    steps.unshift({ at: since, remaining: 0, purchased: 0 });
  }
  const last = steps[steps.length - 1];
  if (last.at < now) steps.push({ ...last, at: now });
  return steps;
}

/** A vCPU-hour purchase as the projection sees it. */
export interface Lot {
  quantity: number;
  validFrom: number;
  validUntil: number;
}

const validQuantityAt = (lots: Lot[], at: number) =>
  lots
    .filter(l => l.validFrom <= at && at < l.validUntil)
    .reduce((n, l) => n + l.quantity, 0);

/**
 * Where the balance heads from `now` to `until`: down at `ratePerHour` (flat at zero once used up), and, when a
 * purchase's validity ends, down to at most what the purchases still valid hold. Runs draw from the purchase
 * that expires first, so later purchases are still whole when an earlier one lapses; that makes the cap exact.
 * Purchases that start later add their hours when they start.
 */
export function projection(
  remaining: number,
  ratePerHour: number,
  now: number,
  until: number,
  lots: Lot[] = [],
): BurnDownRow[] {
  let balance = Math.max(remaining, 0);
  let at = now;
  const rows: BurnDownRow[] = [{ at, projected: balance }];
  const events = [
    ...new Set(
      lots
        .flatMap(l => [l.validFrom, l.validUntil])
        .filter(t => t > now && t < until),
    ),
  ].sort((a, b) => a - b);

  const runDownTo = (end: number) => {
    if (ratePerHour > 0 && balance > 0) {
      const runsOutAt = at + (balance / ratePerHour) * HOUR_MS;
      if (runsOutAt < end) {
        rows.push({ at: runsOutAt, projected: 0 });
        balance = 0;
      } else {
        balance -= (ratePerHour * (end - at)) / HOUR_MS;
      }
    }
    at = end;
  };

  for (const event of events) {
    runDownTo(event);
    const started = lots
      .filter(l => l.validFrom === event)
      .reduce((n, l) => n + l.quantity, 0);
    const cap = validQuantityAt(lots, event);
    const next = Math.min(balance + started, cap);
    if (next !== balance) {
      rows.push({ at: event, projected: balance });
      balance = next;
    }
    rows.push({ at: event, projected: balance });
  }
  runDownTo(until);
  rows.push({ at: until, projected: balance });
  return rows;
}

/** The level purchased and valid from `now` to `until`, stepping at validity starts and ends. */
export function purchasedAhead(
  lots: Lot[],
  now: number,
  until: number,
): BurnDownRow[] {
  const times = [
    ...new Set(
      lots
        .flatMap(l => [l.validFrom, l.validUntil])
        .filter(t => t > now && t < until),
    ),
  ].sort((a, b) => a - b);
  return [...times, until].map(at => ({
    at,
    purchased: validQuantityAt(lots, at),
  }));
}

/** Merges rows of different series by time, keeping each row's values. */
export function mergeRows(...series: BurnDownRow[][]): BurnDownRow[] {
  return series
    .flat()
    .map((row, index) => ({ row, index }))
    .sort((a, b) => a.row.at - b.row.at || a.index - b.index)
    .map(({ row }) => row);
}

/** Whether the wallet held or owed anything in the window: otherwise there is nothing to draw. */
export function hasActivity(steps: BurnDownRow[]): boolean {
  return steps.some(s => (s.remaining ?? 0) !== 0 || (s.purchased ?? 0) !== 0);
}

const TICK_STEPS = [
  HOUR_MS,
  3 * HOUR_MS,
  6 * HOUR_MS,
  12 * HOUR_MS,
  DAY_MS,
  2 * DAY_MS,
  5 * DAY_MS,
  7 * DAY_MS,
  14 * DAY_MS,
];

/**
 * Round ticks between `from` and `to`: whole hours or local midnights, at the smallest step that gives at most
 * `maxTicks` of them.
 */
export function timeTicks(from: number, to: number, maxTicks = 10): number[] {
  const step =
    TICK_STEPS.find(s => (to - from) / s <= maxTicks) ??
    TICK_STEPS[TICK_STEPS.length - 1];
  const first = new Date(from);
  if (step < DAY_MS) {
    first.setMinutes(0, 0, 0);
    const hours = step / HOUR_MS;
    first.setHours(Math.ceil(first.getHours() / hours) * hours);
  } else {
    first.setHours(0, 0, 0, 0);
  }
  const ticks: number[] = [];
  for (let t = first.getTime(); t <= to; ) {
    if (t >= from) ticks.push(t);
    const next = new Date(t);
    if (step < DAY_MS) next.setTime(t + step);
    else next.setDate(next.getDate() + step / DAY_MS);
    t = next.getTime();
  }
  return ticks;
}
