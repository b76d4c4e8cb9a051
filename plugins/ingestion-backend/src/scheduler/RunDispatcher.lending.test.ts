import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  IngestionJob,
  IngestionRun,
} from '@internal/backstage-plugin-ingestion-common';
import { Knex } from 'knex';
import { readIngestionConfig } from '../config';
import { DatabaseJobStore } from '../database/DatabaseJobStore';
import { DatabaseLendingAuditStore } from '../database/DatabaseLendingAuditStore';
import { DatabaseRunStore } from '../database/DatabaseRunStore';
import { DatabaseSparkUnitRegistryStore } from '../database/DatabaseSparkUnitRegistryStore';
import { DatabaseUsageRollupStore } from '../database/DatabaseUsageRollupStore';
import { MIGRATIONS_DIRECTORY } from '../database/migrateDatabase';
import { CapacityService } from '../services/CapacityService';
import { CapacityLending } from '../services/lending/CapacityLending';
import { createTestDatabases } from '../__testUtils__/databases';
import { TimedTestExecutor } from '../__testUtils__/TimedTestExecutor';
import { queueManualRun, testJobSpec } from '../__testUtils__/storedJobs';
import { RunDispatcher } from './RunDispatcher';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const SEC = 1000;
const MIN = 60 * SEC;
const T0 = Date.parse('2026-03-02T10:00:00Z');
const LYRA = 'group:default/team-lyra';
const VEGA = 'group:default/team-vega';
const ORION = 'group:default/team-orion';
const config = readIngestionConfig(new ConfigReader({}));

/*
 * The dispatcher lending idle dedicated capacity and taking it back, on the real stores, with a test executor whose
 * runs take 10 minutes, and a clock the test moves. The registry: 8 cores in the dedicated namespace (all Orion's),
 * 8 in the vcore-hours one.
 */
describe.each(databases.eachSupportedId())(
  'RunDispatcher lending (%s)',
  databaseId => {
    let db: Knex;
    let clock: number;
    let engine: ReturnType<typeof TimedTestExecutor.newEngine>;
    let capacity: CapacityService;
    let jobs: DatabaseJobStore;
    let runs: DatabaseRunStore;
    let audit: DatabaseLendingAuditStore;
    let dispatcher: RunDispatcher;
    let preemptedNotices: string[];

    beforeEach(async () => {
      db = await databases.init(databaseId);
      await db.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
      await new DatabaseSparkUnitRegistryStore(db).seed(
        { dedicated: 2, 'vcore-hours': 2, draft: 2 },
        'test',
      );
      clock = T0;
      preemptedNotices = [];
      engine = TimedTestExecutor.newEngine();
      jobs = new DatabaseJobStore(db);
      runs = new DatabaseRunStore(db);
      audit = new DatabaseLendingAuditStore(db);
      const logger = mockServices.logger.mock();
      capacity = new CapacityService({
        db,
        config,
        logger,
        notifications: { send: async () => {} },
        signals: { publish: async () => {} },
        now: () => clock,
      });
      for (const tenant of [LYRA, VEGA]) {
        await capacity.purchase(
          tenant,
          { unitType: 'vcpu-hours', quantity: 100, period: 'monthly' },
          'test',
        );
      }
      await capacity.purchase(
        ORION,
        { unitType: 'dedicated-units', quantity: 2, period: 'monthly' },
        'test',
      );
      const lending = CapacityLending.of({
        config,
        capacity,
        audit,
        runs,
        rollups: new DatabaseUsageRollupStore(db),
        signals: { publish: async () => {} },
        logger,
        now: () => clock,
      });
      dispatcher = new RunDispatcher({
        config,
        jobs,
        runs,
        capacity,
        executor: new TimedTestExecutor(engine, {
          now: () => clock,
          durationMs: 10 * MIN,
        }),
        logger,
        lending,
        alerts: {
          runTimedOut: async () => {},
          runPreempted: async (run, job, reason) => {
            preemptedNotices.push(`${run.tenant} ${job.name}: ${reason}`);
          },
        },
        now: () => clock,
      });
    });

    /** A production job (as promotion leaves it), run by hand only; `cores` executor cores plus one for the driver. */
    async function productionJob(
      name: string,
      tenant: string,
      cores: number,
      pool: 'dedicated' | 'vcore-hours' = 'vcore-hours',
    ): Promise<IngestionJob> {
      return jobs.create({
        id: `job-${name}`,
        spec: {
          ...testJobSpec({
            name,
            tenant,
            cores,
            schedule: {
              type: 'cron',
              expression: '0 3 1 1 *',
              timezone: 'UTC',
            },
          }),
          pool,
        },
        lifecycle: 'production',
        tier: pool,
        by: 'test',
        at: T0 - MIN,
      });
    }

    const run = async (id: string) => (await runs.get(id)) as IngestionRun;

    async function tickAt(at: number) {
      clock = at;
      return dispatcher.tick();
    }

    /** Lyra fills its own namespace with two 4-core runs and queues `waiting` more. */
    async function fillSharedNamespace(waiting: string[]) {
      const job = await productionJob('lyra-etl', LYRA, 3);
      for (const id of ['shared-1', 'shared-2', ...waiting]) {
        await queueManualRun(runs, config, job, id, clock);
        clock += 1;
      }
      return job;
    }

    it('lends only after the dedicated namespace was idle for more than 5 minutes, to opportunistic runs in it', async () => {
      await fillSharedNamespace(['lyra-3', 'lyra-4']);
      expect(await tickAt(T0 + SEC)).toMatchObject({ started: 2, lent: 0 });
      expect((await run('lyra-3')).state).toBe('queued');

      expect(await tickAt(T0 + SEC + 5 * MIN)).toMatchObject({ lent: 0 });
      expect(await tickAt(T0 + 2 * SEC + 5 * MIN)).toMatchObject({ lent: 2 });
      for (const id of ['lyra-3', 'lyra-4']) {
        expect(await run(id)).toMatchObject({
          state: 'submitted',
          opportunistic: true,
          namespace: 'ingestion-dedicated',
          tier: 'vcore-hours',
        });
        expect(engine.runs.get(id)?.submission).toMatchObject({
          opportunistic: true,
          namespace: 'ingestion-dedicated',
        });
      }
    });

    it('gives lent capacity to the tenant with the lowest recent utilisation first', async () => {
      await fillSharedNamespace(['lyra-3']);
      const vega = await productionJob('vega-big', VEGA, 7);
      await tickAt(T0 + SEC);
      await queueManualRun(runs, config, vega, 'vega-1', clock);
      await tickAt(T0 + SEC + 5 * MIN);

      // Lyra queued first, but its two runs have held 8 cores for 5 minutes; Vega has used nothing. Vega's
      // 8-core run takes all that is lent; Lyra's waits.
      expect(await tickAt(T0 + 2 * SEC + 5 * MIN)).toMatchObject({ lent: 1 });
      expect(await run('vega-1')).toMatchObject({
        state: 'submitted',
        opportunistic: true,
      });
      expect((await run('lyra-3')).state).toBe('queued');
    });

    it('takes lent capacity back for a dedicated run: preempts the fewest, requeues them, charges nothing', async () => {
      await fillSharedNamespace(['lyra-3', 'lyra-4']);
      const dedicated = await productionJob('orion-db', ORION, 3, 'dedicated');
      await tickAt(T0 + SEC);
      await tickAt(T0 + 2 * SEC + 5 * MIN);
      await tickAt(T0 + 3 * MIN + 5 * MIN); // both borrowers running
      expect((await run('lyra-3')).state).toBe('running');

      const asked = T0 + 9 * MIN;
      clock = asked;
      await queueManualRun(runs, config, dedicated, 'orion-1', asked);
      expect(await tickAt(asked + 4 * SEC)).toMatchObject({
        preempted: 1,
        started: 1,
      });
      expect((await run('orion-1')).state).toBe('submitted');

      // One 4-core borrower makes room for the 4-core dedicated run; both started together, so the tie goes by
      // id.
      const victim = await run('lyra-3');
      expect(victim.state).toBe('cancelled');
      expect(victim.message).toMatch(
        /^preempted after 4\.0 min on capacity lent by the dedicated namespace, which its owner needed back; not charged, requeued as run /,
      );
      expect(engine.runs.get('lyra-3')?.cancelledAt).toBe(asked + 4 * SEC);
      expect((await run('lyra-4')).state).toBe('running');

      const requeued = await runs.getByDedupeKey('preempted:lyra-3');
      expect(requeued).toMatchObject({
        state: 'queued',
        jobId: 'job-lyra-etl',
        opportunistic: false,
        namespace: 'ingestion-vcore-hours',
      });
      expect(victim.message).toContain(requeued!.id);
      // Its tenant is told, with the same reason.
      expect(preemptedNotices).toEqual([`${LYRA} lyra-etl: ${victim.message}`]);

      // Never charged: a zero debit that records the core-hours the run held.
      const debit = (await capacity.ledger(LYRA)).find(
        e => e.runId === 'lyra-3',
      );
      expect(debit).toMatchObject({ kind: 'run-debit', quantity: 0 });
      expect(debit?.note).toMatch(/4 cores, 0\.269 core-hours, not debited/);
      expect((await capacity.balance(LYRA)).remainingHours).toBe(100);

      await tickAt(asked + 6 * SEC);
      expect((await run('orion-1')).state).toBe('running');
      const events = await audit.list({ from: T0, to: asked + MIN, limit: 10 });
      expect(events.map(e => `${e.kind} ${e.runId}`)).toEqual([
        'loan lyra-3',
        'loan lyra-4',
        'preemption lyra-3',
        'reclaim orion-1',
      ]);
      expect(events[0]).toMatchObject({
        endedAt: new Date(asked + 4 * SEC).toISOString(),
      });
      expect(events[2]).toMatchObject({
        reclaimedFor: 'orion-1',
        requeuedAs: requeued!.id,
      });
      // Asked at `asked`, its executor started it at the tick 4 s later.
      expect(events[3]).toMatchObject({ victims: 1, reclaimMs: 4 * SEC });
    });

    it('does not preempt for a dedicated run that its own units cannot hold anyway', async () => {
      await fillSharedNamespace(['lyra-3', 'lyra-4']);
      const big = await productionJob('orion-big', ORION, 8, 'dedicated');
      await tickAt(T0 + SEC);
      await tickAt(T0 + 2 * SEC + 5 * MIN);
      await queueManualRun(runs, config, big, 'orion-big-1', clock);
      expect(await tickAt(T0 + 3 * SEC + 5 * MIN)).toMatchObject({
        preempted: 0,
      });
      expect((await run('orion-big-1')).state).toBe('queued');
      expect((await run('lyra-3')).state).not.toBe('cancelled');
    });
  },
);
