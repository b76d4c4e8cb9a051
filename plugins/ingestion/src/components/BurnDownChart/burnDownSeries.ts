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

/**
 * The remaining hours from `now` to `until` if consumption goes on at `ratePerHour`: a straight line down to
 * zero (and flat at zero after), or flat when nothing is consumed. Validity ends are not anticipated.
 */
export function projection(
  remaining: number,
  ratePerHour: number,
  now: number,
  until: number,
): BurnDownRow[] {
  const start = Math.max(remaining, 0);
  if (ratePerHour <= 0 || start === 0) {
    return [
      { at: now, projected: start },
      { at: until, projected: start },
    ];
  }
  const runsOutAt = now + (start / ratePerHour) * HOUR_MS;
  if (runsOutAt >= until) {
    return [
      { at: now, projected: start },
      {
        at: until,
        projected: start - (ratePerHour * (until - now)) / HOUR_MS,
      },
    ];
  }
  return [
    { at: now, projected: start },
    { at: runsOutAt, projected: 0 },
    { at: until, projected: 0 },
  ];
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
