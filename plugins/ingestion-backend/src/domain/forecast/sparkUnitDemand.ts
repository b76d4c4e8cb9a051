import { DAY_MS } from './usageBuckets';

export interface DailyUsage {
  /** Start of the UTC day, epoch milliseconds. */
  day: number;
  coreHours: number;
  memoryGiBHours: number;
}

/**
 * A day's demand in Spark Units: how many units, held all day, the day's allocation would have filled, on
 * whichever of cores and memory binds first. Days without runs count as zero demand, not as missing data.
 */
export function dailySparkUnitDemand(
  usage: DailyUsage[],
  unit: { cores: number; memoryGiB: number },
  range: { fromDay: number; toDay: number },
): Array<{ day: number; sparkUnits: number }> {
  const byDay = new Map<number, DailyUsage>();
  for (const u of usage) {
    const existing = byDay.get(u.day);
    byDay.set(
      u.day,
      existing
        ? {
            day: u.day,
            coreHours: existing.coreHours + u.coreHours,
            memoryGiBHours: existing.memoryGiBHours + u.memoryGiBHours,
          }
        : u,
    );
  }
  const series: Array<{ day: number; sparkUnits: number }> = [];
  for (let day = range.fromDay; day <= range.toDay; day += DAY_MS) {
    const u = byDay.get(day);
    series.push({
      day,
      sparkUnits: u
        ? Math.max(
            u.coreHours / (24 * unit.cores),
            u.memoryGiBHours / (24 * unit.memoryGiB),
          )
        : 0,
    });
  }
  return series;
}

/** Start of the UTC day holding `at`. */
export function utcDayStart(at: number): number {
  return Math.floor(at / DAY_MS) * DAY_MS;
}
