import { mockServices } from '@backstage/backend-test-utils';
import { RegistrySnapshot } from '@internal/backstage-plugin-ingestion-common';
import { createTestDatabases } from '../../__testUtils__/databases';
import { DatabaseRunStore } from '../../database/DatabaseRunStore';
import { DatabaseUsageRollupStore } from '../../database/DatabaseUsageRollupStore';
import { MIGRATIONS_DIRECTORY } from '../../database/migrateDatabase';
import { demoUsageHistory } from '../../demo/demoUsageHistory';
import { CAPACITY_ALERT_THRESHOLD } from '../../domain/forecast/capacityThreshold';
import { DAY_MS, HOUR_MS } from '../../domain/forecast/usageBuckets';
import { Forecaster } from '../../domain/forecast/forecaster';
import { ForecastService } from './ForecastService';
import { mstlForecaster } from './mstlForecaster';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const today = Date.UTC(2026, 11, 3);
const unit = { cores: 4, memoryGiB: 16 };
const ORION = 'group:default/team-orion';

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

function registryOf(units: Record<string, number>): RegistrySnapshot {
  return {
    sparkUnitSize: unit,
    namespaces: Object.entries(units).map(([tier, sparkUnits]) => ({
      tier: tier as any,
      namespace: `ingestion-${tier}`,
      sparkUnits,
      cores: sparkUnits * unit.cores,
      memoryGiB: sparkUnits * unit.memoryGiB,
    })),
  } as RegistrySnapshot;
}

describe.each(databases.eachSupportedId())(
  'ForecastService (%s)',
  databaseId => {
    async function setUp(
      units: Record<string, number>,
      forecaster: Forecaster = mstlForecaster(),
    ) {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
      const rollups = new DatabaseUsageRollupStore(knex);
      const sent: Array<{ recipients: any; payload: any }> = [];
      const registry = { current: registryOf(units) };
      const clock = { now: today + 6 * HOUR_MS };
      const service = new ForecastService({
        rollups,
        registry: async () => registry.current,
        sparkUnitSize: unit,
        platformAdminGroup: 'group:default/platform-admins',
        forecaster,
        notifications: { send: async n => void sent.push(n as any) },
        logger: mockServices.logger.mock(),
        now: () => clock.now,
      });
      return {
        knex,
        rollups,
        service,
        sent,
        registry,
        clock,
        runs: new DatabaseRunStore(knex),
      };
    }

    it('forecasts the demo history 30/60/90 days ahead and advises the smallest purchase that keeps it under 80%', async () => {
      const { rollups, service } = await setUp({
        dedicated: 8,
        'vcore-hours': 8,
        draft: 2,
      });
      await rollups.replaceDemoHistory(
        demoUsageHistory([ORION, 'group:default/team-lyra'], today, unit),
      );

      const started = performance.now();
      const result = await service.forecast('demo');
      const first = performance.now() - started;
      const second = await timed(() => service.forecast('demo'));
      console.log(
        `forecast of 3 namespaces x 2 tenants on ${databaseId} (rollup reads, 3 MSTL fits): first call ${first.toFixed(
          0,
        )} ms, second ${second.toFixed(0)} ms`,
      );
      expect(result.source).toBe('demo');
      expect(result.demoAvailable).toBe(true);
      const shared = result.namespaces.find(n => n.tier === 'vcore-hours')!;
      expect(shared.history).toHaveLength(90);
      expect(shared.history[89].day).toBe('2026-12-02');
      expect(shared.forecast).toHaveLength(90);
      expect(shared.forecast![0].day).toBe('2026-12-03');
      expect(shared.horizons.map(h => h.days)).toEqual([30, 60, 90]);
      for (const p of shared.forecast!) {
        expect(p.lower).toBeLessThanOrEqual(p.point);
        expect(p.point).toBeLessThanOrEqual(p.upper);
      }
      const advice = shared.advice!;
      const peak = Math.max(...shared.forecast!.map(p => p.upper));
      expect(advice.sparkUnitsToBuy).toBeGreaterThan(0);
      expect(peak).toBeLessThanOrEqual(
        CAPACITY_ALERT_THRESHOLD * (8 + advice.sparkUnitsToBuy),
      );
      expect(peak).toBeGreaterThan(
        CAPACITY_ALERT_THRESHOLD * (8 + advice.sparkUnitsToBuy - 1),
      );
      expect(shared.horizons[2].sparkUnitsToBuy).toBe(advice.sparkUnitsToBuy);
      const horizons = shared.horizons
        .map(
          h =>
            `${h.days} d: ${h.point.toFixed(2)} [${h.lower.toFixed(
              2,
            )}, ${h.upper.toFixed(2)}] SU, buy ${h.sparkUnitsToBuy}`,
        )
        .join('; ');
      const utilisation = (shared.rolling30DayUtilisation * 100).toFixed(1);
      console.log(
        `demo vcore-hours namespace (8 Spark Units): rolling 30-day utilisation ${utilisation}%, ${horizons}; advice: buy ${advice.sparkUnitsToBuy} by ${advice.neededBy}`,
      );
      // The run history is empty: nothing to forecast there, and the demo is not mixed in.
      const real = await service.forecast('runs');
      expect(
        real.namespaces.every(n => n.history.length === 0 && !n.forecast),
      ).toBe(true);
    });

    it('notifies the platform admins once per 80% crossing of the real forecast, never for demo history', async () => {
      const { rollups, service, sent, registry, runs } = await setUp({
        'vcore-hours': 4,
      });
      await rollups.replaceDemoHistory(demoUsageHistory([ORION], today, unit));
      await service.evaluateAlerts();
      expect(sent).toHaveLength(0);

      // 60 days of real runs, weekdays busier, growing to about 3 Spark Units of a 4-unit namespace.
      for (let d = 60; d >= 1; d--) {
        const day = today - d * DAY_MS;
        const weekend = new Date(day).getUTCDay() % 6 === 0;
        const cores = (weekend ? 4 : 10) + (60 - d) * 0.05;
        await runs.create({
          id: `run-${d}`,
          jobId: 'job-1',
          tenant: ORION,
          trigger: 'schedule',
          scheduledFor: new Date(day).toISOString(),
          pool: 'vcore-hours',
          tier: 'vcore-hours',
          namespace: 'ingestion-vcore-hours',
          opportunistic: false,
          allocatedCores: cores,
          allocatedMemoryMiB: 1024,
          queuedAt: new Date(day).toISOString(),
          dedupeKey: `run-${d}`,
        });
        await runs.transition(`run-${d}`, {
          from: 'queued',
          to: 'running',
          at: day,
          startedAt: day,
        });
        await runs.transition(`run-${d}`, {
          from: 'running',
          to: 'succeeded',
          at: day + 24 * HOUR_MS - 1,
          finishedAt: day + 24 * HOUR_MS - 1,
        });
      }
      expect(await service.rollUp()).toBe(60);

      await service.evaluateAlerts();
      await service.evaluateAlerts();
      expect(sent).toHaveLength(1);
      expect(sent[0].recipients).toEqual({
        type: 'entity',
        entityRef: 'group:default/platform-admins',
      });
      expect(sent[0].payload.title).toMatch(/ingestion-vcore-hours above 80%/);
      const forecast = await service.forecast('runs');
      const ns = forecast.namespaces[0];
      expect(ns.alertFired).toBe(true);
      expect(sent[0].payload.description).toContain(
        `Buy ${ns.advice!.sparkUnitsToBuy} Spark Unit`,
      );
      console.log(
        `alert: ${sent[0].payload.title} — ${sent[0].payload.description}`,
      );

      // Buying the advised units re-arms the alert without a message; selling them again is a new crossing.
      registry.current = registryOf({
        'vcore-hours': 4 + ns.advice!.sparkUnitsToBuy + 1,
      });
      await service.evaluateAlerts();
      expect(sent).toHaveLength(1);
      expect((await service.forecast('runs')).namespaces[0].alertFired).toBe(
        false,
      );
      registry.current = registryOf({ 'vcore-hours': 4 });
      await service.evaluateAlerts();
      await service.evaluateAlerts();
      expect(sent).toHaveLength(2);
    });

    it('reports each tenant’s rolling 30-day consumption and growth', async () => {
      const { rollups, service } = await setUp({ 'vcore-hours': 8 });
      await rollups.replaceDemoHistory(
        demoUsageHistory([ORION, 'group:default/team-lyra'], today, unit),
      );
      const { tenants } = await service.tenantTrends('demo');
      expect(tenants.map(t => t.tenant)).toEqual([
        ORION,
        'group:default/team-lyra',
      ]);
      for (const t of tenants) {
        expect(t.daily).toHaveLength(60);
        expect(t.growthRate).toBeGreaterThan(0);
        expect(t.last30DaysCoreHours).toBeCloseTo(
          t.daily.slice(30).reduce((sum, d) => sum + d.coreHours, 0),
          6,
        );
      }
      const own = await service.tenantTrends('demo', 'group:default/team-vega');
      expect(own.tenants).toEqual([
        expect.objectContaining({
          tenant: 'group:default/team-vega',
          last30DaysCoreHours: 0,
        }),
      ]);
    });

    it('shows the history without a forecast when the model fails, instead of failing the request', async () => {
      const { rollups, service } = await setUp({ 'vcore-hours': 8 }, () => {
        throw new Error('no convergence');
      });
      await rollups.replaceDemoHistory(demoUsageHistory([ORION], today, unit));
      const [ns] = (await service.forecast('demo')).namespaces;
      expect(ns.history).toHaveLength(90);
      expect(ns.forecast).toBeUndefined();
      expect(ns.note).toBe('The model could not be fitted to this history');
    });
  },
);
