import { createTestDatabases } from '../__testUtils__/databases';
import { DAY_MS, HOUR_MS } from '../domain/forecast/usageBuckets';
import { DatabaseRunStore } from './DatabaseRunStore';
import { storeFinishedRun } from '../__testUtils__/finishedRuns';
import { DatabaseUsageRollupStore } from './DatabaseUsageRollupStore';
import { MIGRATIONS_DIRECTORY } from './migrateDatabase';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const day0 = Date.UTC(2026, 10, 2);

describe.each(databases.eachSupportedId())(
  'DatabaseUsageRollupStore (%s)',
  databaseId => {
    async function setUp() {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
      return {
        knex,
        runs: new DatabaseRunStore(knex),
        store: new DatabaseUsageRollupStore(knex),
      };
    }

    it('rolls finished runs up by hour and day, each run once however often it is asked', async () => {
      const { runs, store } = await setUp();
      await storeFinishedRun(runs, 'r1', {
        tenant: 'group:default/team-orion',
        tier: 'vcore-hours',
        cores: 2,
        memoryMiB: 4096,
        startedAt: day0 + 23 * HOUR_MS,
        finishedAt: day0 + 25 * HOUR_MS,
      });
      await storeFinishedRun(runs, 'r2', {
        tenant: 'group:default/team-orion',
        tier: 'vcore-hours',
        cores: 4,
        memoryMiB: 8192,
        startedAt: day0 + DAY_MS,
        finishedAt: day0 + DAY_MS + HOUR_MS / 2,
      });
      // Queued and never started: nothing held, nothing rolled up.
      await runs.create({
        id: 'r3',
        jobId: 'job-r3',
        tenant: 'group:default/team-lyra',
        trigger: 'manual',
        scheduledFor: new Date(day0).toISOString(),
        pool: 'vcore-hours',
        tier: 'draft',
        namespace: 'ingestion-draft',
        opportunistic: false,
        allocatedCores: 1,
        allocatedMemoryMiB: 1024,
        queuedAt: new Date(day0).toISOString(),
        dedupeKey: 'r3',
      });

      expect(await store.rollUpFinishedRuns({ batchSize: 1 })).toBe(1);
      expect(await store.rollUpFinishedRuns({ batchSize: 10 })).toBe(1);
      expect(await store.rollUpFinishedRuns({ batchSize: 10 })).toBe(0);

      const days = await store.usage({
        source: 'runs',
        granularity: 'day',
        from: day0,
        to: day0 + 2 * DAY_MS,
      });
      expect(
        days.map(d => [d.bucketStart - day0, d.coreHours, d.memoryGiBHours]),
      ).toEqual([
        [0, 2, 4],
        [DAY_MS, 2 + 2, 4 + 4],
      ]);
      const hours = await store.usage({
        source: 'runs',
        granularity: 'hour',
        from: day0 + DAY_MS,
        to: day0 + DAY_MS + HOUR_MS,
        tenant: 'group:default/team-orion',
        tier: 'vcore-hours',
      });
      expect(hours.map(h => h.coreHours)).toEqual([2 + 2]);
      expect(await store.hasHistory('runs')).toBe(true);
      expect(await store.hasHistory('demo')).toBe(false);
    });

    it('catches a run that finished after a later one was already rolled up', async () => {
      const { runs, store } = await setUp();
      const base = {
        tenant: 'group:default/team-lyra',
        tier: 'dedicated' as const,
        cores: 1,
        memoryMiB: 1024,
      };
      await storeFinishedRun(runs, 'late', {
        ...base,
        startedAt: day0,
        finishedAt: day0 + 10 * HOUR_MS,
      });
      await store.rollUpFinishedRuns({ batchSize: 10 });
      // Reported afterwards, finishing an hour before the run already counted.
      await storeFinishedRun(runs, 'early', {
        ...base,
        startedAt: day0 + 8 * HOUR_MS,
        finishedAt: day0 + 9 * HOUR_MS,
      });
      expect(await store.rollUpFinishedRuns({ batchSize: 10 })).toBe(1);
      const [day] = await store.usage({
        source: 'runs',
        granularity: 'day',
        from: day0,
        to: day0 + DAY_MS,
      });
      expect(day.coreHours).toBe(11);
    });

    it('keeps demo history apart from run history and replaces it whole', async () => {
      const { runs, store } = await setUp();
      await storeFinishedRun(runs, 'real', {
        tenant: 'group:default/team-orion',
        tier: 'vcore-hours',
        cores: 1,
        memoryMiB: 1024,
        startedAt: day0,
        finishedAt: day0 + HOUR_MS,
      });
      await store.rollUpFinishedRuns({ batchSize: 10 });
      const demoDay = (coreHours: number) => ({
        granularity: 'day' as const,
        bucketStart: day0,
        tier: 'vcore-hours',
        tenant: 'group:default/team-orion',
        coreHours,
        memoryGiBHours: 0,
      });
      await store.replaceDemoHistory([demoDay(100)]);
      await store.replaceDemoHistory([demoDay(50)]);
      const query = {
        granularity: 'day' as const,
        from: day0,
        to: day0 + DAY_MS,
      };
      expect(
        (await store.usage({ ...query, source: 'demo' })).map(d => d.coreHours),
      ).toEqual([50]);
      expect(
        (await store.usage({ ...query, source: 'runs' })).map(d => d.coreHours),
      ).toEqual([1]);
    });

    it('records each alert state change once', async () => {
      const { store } = await setUp();
      expect(await store.setCapacityAlertFired('vcore-hours', true, day0)).toBe(
        true,
      );
      expect(await store.setCapacityAlertFired('vcore-hours', true, day0)).toBe(
        false,
      );
      expect(await store.firedCapacityAlerts()).toEqual(
        new Set(['vcore-hours']),
      );
      expect(
        await store.setCapacityAlertFired('vcore-hours', false, day0),
      ).toBe(true);
      expect(await store.firedCapacityAlerts()).toEqual(new Set());
    });
  },
);
