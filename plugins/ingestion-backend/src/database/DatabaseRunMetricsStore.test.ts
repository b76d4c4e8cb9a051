import { createTestDatabases } from '../__testUtils__/databases';
import { runMetricsSummary } from '../domain/metrics/runMetricsSummary';
import { DatabaseLedgerStore } from './DatabaseLedgerStore';
import { DatabaseRunMetricsStore } from './DatabaseRunMetricsStore';
import { DatabaseRunStore } from './DatabaseRunStore';
import { MIGRATIONS_DIRECTORY } from './migrateDatabase';
import { storeFinishedRun } from '../__testUtils__/finishedRuns';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const DAY = 86_400_000;
const MIN = 60_000;
const day0 = Date.UTC(2026, 10, 2);
const LYRA = 'group:default/team-lyra';
const ORION = 'group:default/team-orion';
const NO_WORK = {
  durationMs: 0,
  cpuTimeMs: 0,
  executorRunTimeMs: 0,
  peakMemoryBytes: 0,
  bytesIn: 0,
  bytesOut: 0,
  recordsIn: 0,
  recordsOut: 0,
};

describe.each(databases.eachSupportedId())(
  'DatabaseRunMetricsStore (%s)',
  databaseId => {
    async function setUp() {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
      const runs = new DatabaseRunStore(knex);
      const ledger = new DatabaseLedgerStore(knex);

      /** A run as the dispatcher and meter leave it: finished, its SLA judged, vCPU-hours debited. */
      const finished = async (
        id: string,
        run: {
          jobId: string;
          tenant: string;
          state: 'succeeded' | 'failed' | 'timed_out';
          cores: number;
          startedAt: number;
          minutes: number;
          cpuTimeMs?: number;
          slaMet?: boolean;
          debit?: boolean;
        },
      ) => {
        const finishedAt = run.startedAt + run.minutes * MIN;
        await storeFinishedRun(runs, id, {
          jobId: run.jobId,
          tenant: run.tenant,
          tier: 'vcore-hours',
          cores: run.cores,
          memoryMiB: 4096,
          startedAt: run.startedAt,
          finishedAt,
          state: run.state,
          ...(run.cpuTimeMs !== undefined && {
            metrics: {
              ...NO_WORK,
              durationMs: run.minutes * MIN,
              cpuTimeMs: run.cpuTimeMs,
            },
          }),
        });
        if (run.slaMet !== undefined) {
          await runs.recordSlaOutcome(id, { met: run.slaMet });
        }
        if (run.debit) {
          await ledger.append({
            tenant: run.tenant,
            kind: 'run-debit',
            unitType: 'vcpu-hours',
            quantity: -((run.cores * run.minutes) / 60),
            occurredAt: finishedAt,
            runId: id,
            idempotencyKey: `debit-${id}`,
            recordedBy: 'meter',
          });
        }
      };
      return { store: new DatabaseRunMetricsStore(knex), finished };
    }

    it('adds up runs, durations, SLA, core-hours and vCPU-hours of the runs that finished in the range', async () => {
      const { store, finished } = await setUp();
      // Lyra's job a: two runs in the range, one before it. Job b: one failed run. Orion: one run.
      await finished('a1', {
        jobId: 'a',
        tenant: LYRA,
        state: 'succeeded',
        cores: 2,
        startedAt: day0 + 1 * DAY,
        minutes: 30,
        cpuTimeMs: 1.5 * 3_600_000,
        slaMet: true,
        debit: true,
      });
      await finished('a2', {
        jobId: 'a',
        tenant: LYRA,
        state: 'timed_out',
        cores: 2,
        startedAt: day0 + 2 * DAY,
        minutes: 90,
        slaMet: false,
        debit: true,
      });
      await finished('a0', {
        jobId: 'a',
        tenant: LYRA,
        state: 'succeeded',
        cores: 2,
        startedAt: day0 - 2 * DAY,
        minutes: 30,
        debit: true,
      });
      await finished('b1', {
        jobId: 'b',
        tenant: LYRA,
        state: 'failed',
        cores: 4,
        startedAt: day0 + 3 * DAY,
        minutes: 15,
      });
      await finished('o1', {
        jobId: 'o',
        tenant: ORION,
        state: 'succeeded',
        cores: 8,
        startedAt: day0 + 1 * DAY,
        minutes: 60,
        slaMet: true,
        debit: true,
      });
      const range = { from: new Date(day0), to: new Date(day0 + 10 * DAY) };

      const lyra = runMetricsSummary(
        range,
        await store.aggregate({ ...range, tenants: [LYRA] }),
      );
      expect(lyra).toEqual({
        from: '2026-11-02T00:00:00.000Z',
        to: '2026-11-12T00:00:00.000Z',
        runs: { total: 3, succeeded: 1, failed: 1, timedOut: 1, cancelled: 0 },
        durationMinutes: { mean: 45, max: 90 },
        sla: { measured: 2, met: 1, compliance: 0.5 },
        coreHoursAllocated: 2 * 0.5 + 2 * 1.5 + 4 * 0.25,
        coreHoursUsed: 1.5,
        vcpuHoursConsumed: 1 + 3,
      });

      const jobA = runMetricsSummary(
        range,
        await store.aggregate({ ...range, jobId: 'a' }),
      );
      expect(jobA.runs.total).toBe(2);
      const everyone = runMetricsSummary(range, await store.aggregate(range));
      expect([everyone.runs.total, everyone.vcpuHoursConsumed]).toEqual([
        4, 12,
      ]);

      const page1 = await store.aggregateByJob(
        { ...range, tenants: [LYRA] },
        { limit: 1, offset: 0 },
      );
      const page2 = await store.aggregateByJob(
        { ...range, tenants: [LYRA] },
        { limit: 1, offset: 1 },
      );
      expect(page1.totalCount).toBe(2);
      expect(
        [...page1.items, ...page2.items].map(i => [
          i.jobId,
          Number(i.aggregates.total),
        ]),
      ).toEqual([
        ['a', 2],
        ['b', 1],
      ]);
    });

    it('answers zeros, and no duration or compliance, for a range without runs', async () => {
      const { store } = await setUp();
      const range = { from: new Date(day0), to: new Date(day0 + DAY) };
      const empty = runMetricsSummary(range, await store.aggregate(range));
      expect(empty.runs.total).toBe(0);
      expect(empty.durationMinutes).toBeUndefined();
      expect(empty.sla).toEqual({ measured: 0, met: 0 });
      expect([
        empty.coreHoursAllocated,
        empty.coreHoursUsed,
        empty.vcpuHoursConsumed,
      ]).toEqual([0, 0, 0]);
      expect(
        await store.aggregateByJob(range, { limit: 10, offset: 0 }),
      ).toEqual({ items: [], totalCount: 0 });
    });
  },
);
