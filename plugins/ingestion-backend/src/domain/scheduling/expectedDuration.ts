import { InputError } from '@backstage/errors';
import { MS_PER_MINUTE } from './slices';

export interface ExpectedDurationOptions {
  /** How many of the most recent measured runs count (default 10). */
  window?: number;
  /** Which percentile of them (default 0.9). */
  percentile?: number;
}

/**
 * The duration the calendar reserves for each run of a job.
 *
 * Until a run has been measured, the tenant's estimate (`estimates.expectedDurationMinutes`). Then the p90 of the last
 * 10 measured durations, by nearest rank (the 9th smallest of 10): high enough that nine runs in ten fit the
 * reservation, while a single outlier (a one-off backfill) does not inflate it. Never below the median, which only
 * matters when a lower percentile is configured. Measured durations are in order, oldest first.
 */
export function expectedDurationMs(
  estimateMinutes: number,
  measuredDurationsMs: readonly number[],
  options: ExpectedDurationOptions = {},
): number {
  const window = options.window ?? 10;
  const percentile = options.percentile ?? 0.9;
  if (!Number.isInteger(window) || window < 1) {
    throw new InputError(
      `window: must be a whole number, at least 1, got ${window}`,
    );
  }
  if (!(percentile > 0 && percentile <= 1)) {
    throw new InputError(`percentile: must be in (0, 1], got ${percentile}`);
  }
  measuredDurationsMs.forEach((d, i) => {
    if (!(d > 0) || !Number.isFinite(d)) {
      throw new InputError(
        `measuredDurationsMs[${i}]: must be a positive, finite duration in ms, got ${d}`,
      );
    }
  });
  if (measuredDurationsMs.length === 0) {
    if (!(estimateMinutes > 0) || !Number.isFinite(estimateMinutes)) {
      throw new InputError(
        `estimates.expectedDurationMinutes: must be a positive number of minutes, got ${estimateMinutes}`,
      );
    }
    return estimateMinutes * MS_PER_MINUTE;
  }
  const recent = [...measuredDurationsMs.slice(-window)].sort((a, b) => a - b);
  const nearestRank = (p: number) =>
    recent[Math.max(0, Math.ceil(p * recent.length) - 1)];
  return Math.max(nearestRank(percentile), nearestRank(0.5));
}
