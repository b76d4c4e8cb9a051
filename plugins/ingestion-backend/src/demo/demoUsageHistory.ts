import { NamespaceTier } from '@internal/backstage-plugin-ingestion-common';
import { syntheticDemand } from '../domain/forecast/syntheticDemand';
import { DAY_MS, UsageBucket } from '../domain/forecast/usageBuckets';

/** How long the generated demo history is: enough for the weekly pattern and the trend to show. */
export const DEMO_HISTORY_DAYS = 120;

const WORKWEEK = [1.1, 1.15, 1.1, 1.15, 1.0, 0.45, 0.35];

/** Per namespace tier, each demo tenant's demand in Spark Units on the first day, its growth per day, its noise. */
const DEMO_SHAPES: Array<{
  tier: NamespaceTier;
  share: number;
  base: number;
  trendPerDay: number;
  noise: number;
}> = [
  {
    tier: 'vcore-hours',
    share: 0.62,
    base: 2.4,
    trendPerDay: 0.022,
    noise: 0.08,
  },
  { tier: 'dedicated', share: 0.5, base: 3.2, trendPerDay: 0.003, noise: 0.06 },
  { tier: 'draft', share: 0.5, base: 0.3, trendPerDay: 0.001, noise: 0.25 },
];

/** The first tenant takes `first` of the namespace, the others split the rest. */
function tenantShare(first: number, index: number, count: number): number {
  if (count === 1) return 1;
  return index === 0 ? first : (1 - first) / (count - 1);
}

/**
 * The quick start's demo capacity history: daily usage of the demo tenants in each namespace over the
 * `DEMO_HISTORY_DAYS` days before `today`, with a trend and a working-week pattern, so the Forecast page shows a
 * meaningful forecast on first start. Generated, stored apart from the run rollups (source `demo`) and labelled
 * as demo data wherever it is shown.
 */
export function demoUsageHistory(
  tenants: readonly string[],
  today: number,
  unit: { cores: number; memoryGiB: number },
): UsageBucket[] {
  if (tenants.length === 0) return [];
  const firstDay = today - DEMO_HISTORY_DAYS * DAY_MS;
  // Start the weekly pattern on a Monday, whatever weekday the history starts on (1970-01-01 was a Thursday).
  const weekdayOfFirst = (Math.floor(firstDay / DAY_MS) + 3) % 7;
  const weekly = WORKWEEK.map((_, i) => WORKWEEK[(i + weekdayOfFirst) % 7]);
  const buckets: UsageBucket[] = [];
  DEMO_SHAPES.forEach((shape, s) => {
    tenants.forEach((tenant, t) => {
      const share = tenantShare(shape.share, t, tenants.length);
      const demand = syntheticDemand({
        days: DEMO_HISTORY_DAYS,
        base: shape.base * share,
        trendPerDay: shape.trendPerDay * share,
        weekly,
        noise: shape.noise,
        seed: 1000 * (s + 1) + t,
      });
      demand.forEach((sparkUnits, i) => {
        buckets.push({
          granularity: 'day',
          bucketStart: firstDay + i * DAY_MS,
          tier: shape.tier,
          tenant,
          coreHours: sparkUnits * 24 * unit.cores,
          // Jobs that ask for half a unit's memory per core: cores bind.
          memoryGiBHours: sparkUnits * 24 * unit.memoryGiB * 0.5,
        });
      });
    });
  });
  return buckets;
}
