import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  CapacityForecast,
  ForecastHorizon,
  NamespaceForecast,
  NamespaceTier,
  RegistrySnapshot,
  TenantTrend,
  TenantTrends,
  UsageSource,
} from '@internal/backstage-plugin-ingestion-common';
import { UsageRollupStore } from '../../database/UsageRollupStore';
import {
  CAPACITY_ALERT_THRESHOLD,
  decideCapacityAlert,
} from '../../domain/forecast/capacityThreshold';
import { Forecaster } from '../../domain/forecast/forecaster';
import { tenantGrowth } from '../../domain/forecast/growth';
import { advisePurchase } from '../../domain/forecast/purchaseAdvice';
import {
  dailySparkUnitDemand,
  utcDayStart,
} from '../../domain/forecast/sparkUnitDemand';
import { DAY_MS } from '../../domain/forecast/usageBuckets';

/** The forecast horizons, in days (requirement 12.3). */
export const FORECAST_HORIZONS = [30, 60, 90] as const;
/** Nine outcomes in ten inside the interval: its upper bound is the demand's 95th percentile. */
export const FORECAST_LEVEL = 0.9;
/** Days of history the model trains on, at most. */
const TRAINING_DAYS = 180;
/** Fewer days than this (four weeks) cannot show a weekly pattern and a trend apart. */
export const MIN_HISTORY_DAYS = 28;
/** Days of history shown on the chart. */
const HISTORY_SHOWN_DAYS = 90;
const ROLLUP_BATCH = 500;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface ForecastServiceDeps {
  rollups: UsageRollupStore;
  registry: () => Promise<RegistrySnapshot>;
  sparkUnitSize: { cores: number; memoryGiB: number };
  platformAdminGroup: string;
  forecaster: Forecaster;
  notifications: Pick<NotificationService, 'send'>;
  logger: LoggerService;
  now: () => number;
}

/**
 * Capacity planning (requirement 12): keeps the utilisation rollups up to date, forecasts each namespace's demand
 * 30/60/90 days ahead, advises Spark Unit purchases, and tells the platform admins once per 80% crossing.
 */
export class ForecastService {
  constructor(private readonly deps: ForecastServiceDeps) {}

  /** Adds every run finished since the last call to the rollups. */
  async rollUp(): Promise<number> {
    let total = 0;
    for (;;) {
      const added = await this.deps.rollups.rollUpFinishedRuns({
        batchSize: ROLLUP_BATCH,
      });
      total += added;
      if (added < ROLLUP_BATCH) return total;
    }
  }

  async forecast(source: UsageSource): Promise<CapacityForecast> {
    const now = this.deps.now();
    const [registry, fired, demoAvailable] = await Promise.all([
      this.deps.registry(),
      this.deps.rollups.firedCapacityAlerts(),
      this.deps.rollups.hasHistory('demo'),
    ]);
    const namespaces = await Promise.all(
      registry.namespaces.map(ns =>
        this.#namespaceForecast(
          source,
          ns.tier,
          ns.namespace,
          ns.sparkUnits,
          now,
          source === 'runs' && fired.has(ns.tier),
        ),
      ),
    );
    return {
      source,
      generatedAt: new Date(now).toISOString(),
      level: FORECAST_LEVEL,
      threshold: CAPACITY_ALERT_THRESHOLD,
      demoAvailable,
      namespaces,
    };
  }

  /** Each tenant's consumption trend and growth rate, or one tenant's. */
  async tenantTrends(
    source: UsageSource,
    tenant?: string,
  ): Promise<TenantTrends> {
    const today = utcDayStart(this.deps.now());
    const buckets = await this.deps.rollups.usage({
      source,
      granularity: 'day',
      from: today - 60 * DAY_MS,
      to: today,
      ...(tenant && { tenant }),
    });
    const byTenant = new Map<string, Map<number, number>>();
    if (tenant) byTenant.set(tenant, new Map());
    for (const b of buckets) {
      const days = byTenant.get(b.tenant) ?? new Map<number, number>();
      days.set(b.bucketStart, (days.get(b.bucketStart) ?? 0) + b.coreHours);
      byTenant.set(b.tenant, days);
    }
    const tenants: TenantTrend[] = [...byTenant.entries()]
      .map(([name, days]) => {
        const daily: TenantTrend['daily'] = [];
        for (let day = today - 60 * DAY_MS; day < today; day += DAY_MS) {
          daily.push({ day: isoDay(day), coreHours: days.get(day) ?? 0 });
        }
        const growth = tenantGrowth(
          name,
          [...days.entries()].map(([day, coreHours]) => ({ day, coreHours })),
          today,
        );
        return { ...growth, daily };
      })
      .sort((a, b) => b.last30DaysCoreHours - a.last30DaysCoreHours);
    return { source, tenants };
  }

  /** Allocated core-hours and GiB-hours per namespace tier and hour or day over the last `days` days. */
  async usage(
    source: UsageSource,
    granularity: 'hour' | 'day',
    days: number,
  ): Promise<
    Array<{
      bucketStart: string;
      tier: NamespaceTier;
      coreHours: number;
      memoryGiBHours: number;
    }>
  > {
    const now = this.deps.now();
    const to = granularity === 'day' ? utcDayStart(now) + DAY_MS : now;
    const buckets = await this.deps.rollups.usage({
      source,
      granularity,
      from: utcDayStart(now) - (days - 1) * DAY_MS,
      to,
    });
    const summed = new Map<
      string,
      {
        bucketStart: string;
        tier: NamespaceTier;
        coreHours: number;
        memoryGiBHours: number;
      }
    >();
    for (const b of buckets) {
      const key = `${b.bucketStart}|${b.tier}`;
      const entry = summed.get(key) ?? {
        bucketStart: new Date(b.bucketStart).toISOString(),
        tier: b.tier as NamespaceTier,
        coreHours: 0,
        memoryGiBHours: 0,
      };
      entry.coreHours += b.coreHours;
      entry.memoryGiBHours += b.memoryGiBHours;
      summed.set(key, entry);
    }
    return [...summed.values()];
  }

  /**
   * Forecasts every namespace from the real run history and notifies the platform admins of each namespace whose
   * forecast upper bound newly crosses 80% of its Spark Units, with the purchase advice. Demo history never alerts.
   */
  async evaluateAlerts(): Promise<void> {
    const now = this.deps.now();
    const { namespaces } = await this.forecast('runs');
    for (const ns of namespaces) {
      if (!ns.forecast) continue;
      const peakUpper = Math.max(...ns.forecast.map(p => p.upper));
      const decision = decideCapacityAlert(
        peakUpper,
        ns.sparkUnits,
        ns.alertFired,
      );
      if (decision === 'none') continue;
      const changed = await this.deps.rollups.setCapacityAlertFired(
        ns.tier,
        decision === 'fire',
        now,
      );
      if (!changed || decision !== 'fire') continue;
      const advice = ns.advice!;
      const crossing = ns.forecast.find(
        p => p.upper > CAPACITY_ALERT_THRESHOLD * ns.sparkUnits,
      )!;
      await this.deps.notifications.send({
        recipients: { type: 'entity', entityRef: this.deps.platformAdminGroup },
        payload: {
          title: `Capacity forecast: ${ns.namespace} above 80% from ${crossing.day}`,
          description:
            `Forecast demand (upper bound of the ${
              FORECAST_LEVEL * 100
            }% interval) reaches ` +
            `${peakUpper.toFixed(1)} of ${
              ns.sparkUnits
            } Spark Units within 90 days. ` +
            `Buy ${advice.sparkUnitsToBuy} Spark Unit${
              advice.sparkUnitsToBuy === 1 ? '' : 's'
            }` +
            `${
              advice.neededBy ? ` by ${advice.neededBy}` : ''
            } to stay under 80%.`,
          severity: 'high',
          link: '/ingestion/forecast',
          topic: 'ingestion-capacity-forecast',
          scope: `ingestion-capacity-forecast:${ns.tier}`,
        },
      });
      this.deps.logger.info(
        `Capacity forecast alert sent for ${ns.tier}: peak ${peakUpper.toFixed(
          2,
        )} of ${ns.sparkUnits} Spark Units`,
      );
    }
  }

  /** The model's forecast, or undefined (logged) when it fails or returns something that is not a number. */
  #fit(tier: string, history: number[], horizon: number) {
    try {
      const raw = this.deps.forecaster(history, horizon, FORECAST_LEVEL);
      const values = [...raw.point, ...raw.lower, ...raw.upper];
      if (
        values.length === 3 * horizon &&
        values.every(v => Number.isFinite(v))
      ) {
        return raw;
      }
      this.deps.logger.warn(`Forecast of ${tier} returned non-finite values`);
    } catch (error) {
      this.deps.logger.warn(`Forecast of ${tier} failed: ${error}`);
    }
    return undefined;
  }

  async #namespaceForecast(
    source: UsageSource,
    tier: NamespaceTier,
    namespace: string,
    sparkUnits: number,
    now: number,
    alertFired: boolean,
  ): Promise<NamespaceForecast> {
    const today = utcDayStart(now);
    const fromDay = today - TRAINING_DAYS * DAY_MS;
    const buckets = await this.deps.rollups.usage({
      source,
      granularity: 'day',
      tier,
      from: fromDay,
      to: today,
    });
    const series = dailySparkUnitDemand(
      buckets.map(b => ({
        day: b.bucketStart,
        coreHours: b.coreHours,
        memoryGiBHours: b.memoryGiBHours,
      })),
      this.deps.sparkUnitSize,
      { fromDay, toDay: today - DAY_MS },
    );
    // The history starts on the first day anything ran: the days before the platform was used are not demand.
    const first = series.findIndex(p => p.sparkUnits > 0);
    const history = first < 0 ? [] : series.slice(first);
    const last30 = series.slice(-30);
    const rolling30DayUtilisation =
      sparkUnits > 0
        ? last30.reduce((sum, p) => sum + p.sparkUnits, 0) / 30 / sparkUnits
        : 0;
    const base: NamespaceForecast = {
      tier,
      namespace,
      sparkUnits,
      rolling30DayUtilisation,
      history: history
        .slice(-HISTORY_SHOWN_DAYS)
        .map(p => ({ day: isoDay(p.day), sparkUnits: p.sparkUnits })),
      horizons: [],
      alertFired,
    };
    if (history.length < MIN_HISTORY_DAYS) {
      return {
        ...base,
        note: `${history.length} days of history; forecasts start after ${MIN_HISTORY_DAYS} days`,
      };
    }

    const horizon = FORECAST_HORIZONS[FORECAST_HORIZONS.length - 1];
    const raw = this.#fit(
      tier,
      history.map(p => p.sparkUnits),
      horizon,
    );
    if (!raw) {
      return { ...base, note: 'The model could not be fitted to this history' };
    }
    // Demand cannot be negative; the model's Gaussian intervals can be.
    const days = Array.from({ length: horizon }, (_, i) => today + i * DAY_MS);
    const forecast = days.map((day, i) => ({
      day: isoDay(day),
      point: Math.max(0, raw.point[i]),
      lower: Math.max(0, raw.lower[i]),
      upper: Math.max(0, raw.upper[i]),
    }));
    const horizons: ForecastHorizon[] = FORECAST_HORIZONS.map(h => {
      const upTo = forecast.slice(0, h);
      const end = upTo[h - 1];
      return {
        days: h,
        point: end.point,
        lower: end.lower,
        upper: end.upper,
        peakUpper: Math.max(...upTo.map(p => p.upper)),
        sparkUnitsToBuy: advisePurchase(
          { days: days.slice(0, h), upper: upTo.map(p => p.upper) },
          sparkUnits,
        ).sparkUnitsToBuy,
      };
    });
    const advice = advisePurchase(
      { days, upper: forecast.map(p => p.upper) },
      sparkUnits,
    );
    return {
      ...base,
      forecast,
      horizons,
      advice: {
        sparkUnitsToBuy: advice.sparkUnitsToBuy,
        ...(advice.neededBy !== undefined && {
          neededBy: isoDay(advice.neededBy),
        }),
        steps: advice.steps.map(s => ({
          neededBy: isoDay(s.neededBy),
          additionalSparkUnits: s.additionalSparkUnits,
          totalSparkUnits: s.totalSparkUnits,
        })),
      },
    };
  }
}
