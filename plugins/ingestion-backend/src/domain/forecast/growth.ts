import { DAY_MS } from './usageBuckets';

export interface TenantGrowth {
  tenant: string;
  /** Core-hours in the last 30 days (the rolling window) and in the 30 days before it. */
  last30DaysCoreHours: number;
  previous30DaysCoreHours: number;
  /** Last window over the previous one, minus 1 (0.25 = 25% more); undefined when the previous window was empty. */
  growthRate?: number;
  /** Least-squares slope of daily core-hours over the last 30 days, in core-hours per day, per day. */
  trendCoreHoursPerDay: number;
}

/**
 * A tenant's consumption trend from its daily core-hours (missing days are zero): the rolling 30-day total against
 * the 30 days before it, and the slope of a straight line through the last 30 days.
 */
export function tenantGrowth(
  tenant: string,
  daily: ReadonlyArray<{ day: number; coreHours: number }>,
  today: number,
): TenantGrowth {
  const values = new Map(daily.map(d => [d.day, d.coreHours]));
  const window = (endExclusive: number) => {
    const out: number[] = [];
    for (let i = 30; i >= 1; i--)
      out.push(values.get(endExclusive - i * DAY_MS) ?? 0);
    return out;
  };
  const last = window(today);
  const previous = window(today - 30 * DAY_MS);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const lastTotal = sum(last);
  const previousTotal = sum(previous);
  return {
    tenant,
    last30DaysCoreHours: lastTotal,
    previous30DaysCoreHours: previousTotal,
    ...(previousTotal > 0 && { growthRate: lastTotal / previousTotal - 1 }),
    trendCoreHoursPerDay: leastSquaresSlope(last),
  };
}

function leastSquaresSlope(ys: number[]): number {
  const n = ys.length;
  const meanX = (n - 1) / 2;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let covariance = 0;
  let variance = 0;
  ys.forEach((y, x) => {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  });
  return covariance / variance;
}
