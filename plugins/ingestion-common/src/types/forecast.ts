import { NamespaceTier } from './capacity';

/**
 * Where capacity history comes from: the run records, or the quick start's generated demo history (kept apart,
 * never mixed with real runs, never alerted on).
 *
 * @public
 */
export type UsageSource = 'runs' | 'demo';

/** One day of a namespace's demand, in Spark Units held all day. @public */
export interface DemandPoint {
  /** The UTC day, YYYY-MM-DD. */
  day: string;
  sparkUnits: number;
}

/** One forecast day: the point forecast and its prediction interval, in Spark Units. @public */
export interface ForecastPoint {
  day: string;
  point: number;
  lower: number;
  upper: number;
}

/** The forecast at one horizon (30, 60 or 90 days ahead). @public */
export interface ForecastHorizon {
  days: number;
  /** The forecast on the horizon's last day. */
  point: number;
  lower: number;
  upper: number;
  /** The highest upper bound up to the horizon. */
  peakUpper: number;
  /** The fewest Spark Units to add so the upper bound stays at or under 80% up to the horizon. */
  sparkUnitsToBuy: number;
}

/** One purchase of the advice: reach `totalSparkUnits` by `neededBy`. @public */
export interface PurchaseAdviceStep {
  neededBy: string;
  additionalSparkUnits: number;
  totalSparkUnits: number;
}

/** @public */
export interface PurchaseAdvice {
  sparkUnitsToBuy: number;
  neededBy?: string;
  steps: PurchaseAdviceStep[];
}

/** A namespace's capacity history, forecast and purchase advice. @public */
export interface NamespaceForecast {
  tier: NamespaceTier;
  namespace: string;
  sparkUnits: number;
  /** Average demand over the last 30 complete days as a share of the namespace's Spark Units. */
  rolling30DayUtilisation: number;
  history: DemandPoint[];
  /** Absent when the history is too short to forecast (see `note`). */
  forecast?: ForecastPoint[];
  horizons: ForecastHorizon[];
  advice?: PurchaseAdvice;
  /** Whether the 80% alert has fired for this namespace and not yet been re-armed (real history only). */
  alertFired: boolean;
  note?: string;
}

/** @public */
export interface CapacityForecast {
  source: UsageSource;
  generatedAt: string;
  /** The prediction interval's level (0.9: nine outcomes in ten fall inside). */
  level: number;
  /** Demand (the interval's upper bound) above this share of a namespace's Spark Units alerts the admins. */
  threshold: number;
  /** Whether the quick start's demo history is available as `source=demo`. */
  demoAvailable: boolean;
  namespaces: NamespaceForecast[];
}

/** A tenant's consumption trend and growth rate. @public */
export interface TenantTrend {
  tenant: string;
  last30DaysCoreHours: number;
  previous30DaysCoreHours: number;
  /** 0.25 = 25% more than the previous 30 days; absent when the previous 30 days were empty. */
  growthRate?: number;
  /** Slope of daily core-hours over the last 30 days (core-hours per day, per day). */
  trendCoreHoursPerDay: number;
  /** Daily core-hours over the last 60 complete days, oldest first. */
  daily: Array<{ day: string; coreHours: number }>;
}

/** @public */
export interface TenantTrends {
  source: UsageSource;
  tenants: TenantTrend[];
}
