import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { IngestionJob } from '@internal/backstage-plugin-ingestion-common';
import { Knex } from 'knex';
import { readIngestionConfig } from '../../config';
import { DatabaseJobStore } from '../../database/DatabaseJobStore';
import { DatabaseLifecycleStore } from '../../database/DatabaseLifecycleStore';
import { DatabaseRunStore } from '../../database/DatabaseRunStore';
import { DatabaseSparkUnitRegistryStore } from '../../database/DatabaseSparkUnitRegistryStore';
import { MIGRATIONS_DIRECTORY } from '../../database/migrateDatabase';
import { RunDispatcher } from '../../scheduler/RunDispatcher';
import { SliceCalendarService } from '../../scheduler/SliceCalendarService';
import { createTestDatabases } from '../../__testUtils__/databases';
import { TimedTestExecutor } from '../../__testUtils__/TimedTestExecutor';
import { queueManualRun, testJobSpec } from '../../__testUtils__/storedJobs';
import { AdmissionQueue } from '../admission/AdmissionQueue';
import { CapacityService } from '../CapacityService';
import { LifecycleService } from './LifecycleService';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const MIN = 60_000;
const T0 = Date.parse('2026-03-02T10:00:00Z');
const LYRA = 'group:default/team-lyra';
const VEGA = 'group:default/team-vega';
const config = readIngestionConfig(new ConfigReader({}));
const SLA_MINUTES = 20;

interface Sent {
  recipients: unknown;
  payload: { title: string; description?: string; link?: string };
}

describe.each(databases.eachSupportedId())(
  'LifecycleService (%s)',
  databaseId => {
    let db: Knex;
    let clock: number;
    let engine: ReturnType<typeof TimedTestExecutor.newEngine>;
    let capacity: CapacityService;
    let jobs: DatabaseJobStore;
    let runs: DatabaseRunStore;
    let calendar: SliceCalendarService;
    let lifecycle: LifecycleService;
    let sent: Sent[];
    let published: unknown[];
    let failing: Set<string>;

    function newLifecycle() {
      return new LifecycleService({
        sizingConfidence: 0.9,
        profilingRuns: 3,
        jobs,
        runs,
        lifecycle: new DatabaseLifecycleStore(db),
        calendar,
        admissions: new AdmissionQueue(),
        notifications: { send: async n => void sent.push(n as Sent) },
        events: { publish: async e => void published.push(e.eventPayload) },
        logger: mockServices.logger.mock(),
        now: () => clock,
      });
    }

    /**
     * Starts every queued run and lets it take `minutes`; then the dispatcher sees it finish. Each run reads
     * 4 MiB per second on each of its 2 cores (1 executor core and the driver's), so the estimator learns a throughput rather than a start-up.
     */
    async function runFor(minutes: number) {
      const dispatcher = new RunDispatcher({
        config,
        jobs,
        runs,
        capacity,
        executor: new TimedTestExecutor(engine, {
          now: () => clock,
          durationMs: minutes * MIN,
          bytesIn: minutes * 60 * 2 * 4 * 1024 * 1024,
          failJobs: failing,
        }),
        logger: mockServices.logger.mock(),
        runFinished: lifecycle,
        now: () => clock,
      });
      await dispatcher.tick();
      clock += minutes * MIN;
      await dispatcher.tick();
      clock += MIN;
    }

    async function addJob(
      name: string,
      tenant = LYRA,
      cores = 1,
    ): Promise<IngestionJob> {
      const job = await jobs.create({
        id: `job-${name}`,
        spec: testJobSpec({
          name,
          tenant,
          cores,
          // Once a day, at a time these tests never reach: runs come from "Run now".
          schedule: { type: 'cron', expression: '0 3 * * *', timezone: 'UTC' },
          slaMinutes: SLA_MINUTES,
        }),
        lifecycle: 'draft',
        tier: 'draft',
        by: 'test',
        at: clock,
      });
      await calendar.jobSaved(job);
      return job;
    }

    let manualRuns = 0;
    async function runNow(jobId: string) {
      const id = `run-${++manualRuns}`;
      await queueManualRun(runs, config, (await jobs.get(jobId))!, id, clock);
      return id;
    }

    beforeEach(async () => {
      db = await databases.init(databaseId);
      await db.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
      await new DatabaseSparkUnitRegistryStore(db).seed(
        { dedicated: 2, 'vcore-hours': 1, draft: 2 },
        'test',
      );
      clock = T0;
      sent = [];
      published = [];
      failing = new Set();
      engine = TimedTestExecutor.newEngine();
      jobs = new DatabaseJobStore(db);
      runs = new DatabaseRunStore(db);
      capacity = new CapacityService({
        db,
        config,
        logger: mockServices.logger.mock(),
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
      calendar = new SliceCalendarService({
        sizingConfidence: 0.9,
        config,
        jobs,
        runs,
        capacity,
        logger: mockServices.logger.mock(),
        now: () => clock,
      });
      lifecycle = newLifecycle();
      capacity.onChange(async () => {
        await calendar.rebuild();
        await lifecycle.retryPromotions();
      });
    });

    it('stores each run’s SLA outcome, resets the count on a miss, and promotes after 3 in a row', async () => {
      const job = await addJob('orders');
      await runNow(job.id);
      await runFor(10); // within
      const slow = await runNow(job.id);
      await runFor(25); // 25% over: resets the count
      for (let i = 0; i < 2; i++) {
        await runNow(job.id);
        await runFor(12);
      }
      expect(await jobs.get(job.id)).toMatchObject({ lifecycle: 'draft' });
      expect(await runs.get(slow)).toMatchObject({
        slaMet: false,
        slaOverrun: 0.25,
      });

      await runNow(job.id);
      await runFor(20); // exactly the SLA: within
      const promoted = await jobs.get(job.id);
      expect(promoted).toMatchObject({
        lifecycle: 'production',
        tier: 'vcore-hours',
        lifecycleReason:
          'Promoted to vcore-hours after 3 consecutive draft runs within the SLA',
      });
      // The catalog entity follows: the job is announced with its new lifecycle.
      expect(published).toEqual([
        {
          action: 'upserted',
          job: expect.objectContaining({ id: job.id, lifecycle: 'production' }),
        },
      ]);
      const next = await runNow(job.id);
      expect(await runs.get(next)).toMatchObject({
        pool: 'vcore-hours',
        tier: 'vcore-hours',
        namespace: 'ingestion-vcore-hours',
      });
      const health = await lifecycle.health(promoted!);
      expect(health.timeline.map(e => [e.kind, e.lifecycle, e.tier])).toEqual([
        ['created', 'draft', 'draft'],
        ['promoted', 'production', 'vcore-hours'],
      ]);
      expect(health.sla).toEqual({
        judgedRuns: 5,
        metRuns: 4,
        complianceRate: 0.8,
      });
      expect(sent.map(n => n.payload.title)).toEqual([
        'orders: draft run over its SLA, recommended resources',
        'orders: run 25% over its SLA',
        'orders: promoted to production',
      ]);
      expect(sent[0]).toMatchObject({
        recipients: { type: 'entity', entityRef: LYRA },
        payload: {
          link: '/catalog/default/resource/team-lyra-orders/ingestion',
          description: expect.stringMatching(
            /took 25\.0 min against an SLA of 20 min \(25% over\).* [2-9] executor\(s\) × 1 core\(s\).* within the SLA \(now 1 executor\(s\) × 1 core\(s\)/,
          ),
        },
      });
    });

    it('tells the tenant once per run, also when the follow-up runs again after a restart', async () => {
      const job = await addJob('orders');
      failing.add(job.id);
      const failed = await runNow(job.id);
      await runFor(5);
      await newLifecycle().runFinished(failed);
      await newLifecycle().catchUp();
      expect(await runs.get(failed)).toMatchObject({
        state: 'failed',
        slaMet: false,
      });
      expect(sent).toEqual([
        {
          recipients: { type: 'entity', entityRef: LYRA },
          payload: expect.objectContaining({
            title: 'orders: run failed',
            description: `Run ${failed} failed: source table public.orders does not exist`,
          }),
        },
      ]);
    });

    it('keeps a job in draft with the reason while its namespace is full, and promotes it when capacity comes', async () => {
      // Another tenant's production job holds every core of the vcore-hours namespace (1 Spark Unit) at 03:00.
      const big = await addJob('big', VEGA, 3);
      await lifecycle.promote(big.id, 'user:default/ada');
      const job = await addJob('orders');
      for (let i = 0; i < 3; i++) {
        await runNow(job.id);
        await runFor(10);
      }
      const waiting = await jobs.get(job.id);
      expect(waiting).toMatchObject({ lifecycle: 'draft', tier: 'draft' });
      expect(waiting?.lifecycleReason).toMatch(
        /^Not promoted to vcore-hours: The vcore-hours namespace has no room for this schedule in \d+ slice\(s\)/,
      );
      expect(sent.map(n => n.payload.title)).toEqual([
        'big: promoted to production',
        'orders: ready for production, but no room yet',
      ]);
      // Another draft run does not repeat the same news.
      await runNow(job.id);
      await runFor(10);
      expect(sent).toHaveLength(2);

      await capacity.setSparkUnits('vcore-hours', 2, 'user:default/ada');
      expect(await jobs.get(job.id)).toMatchObject({
        lifecycle: 'production',
        tier: 'vcore-hours',
      });
    });

    it('refuses a promotion by hand when the namespace has no room, with the reason', async () => {
      const big = await addJob('big', VEGA, 3);
      await lifecycle.promote(big.id, 'user:default/ada');
      const job = await addJob('orders');
      await expect(
        lifecycle.promote(job.id, 'user:default/ada'),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringMatching(/^Not promoted to vcore-hours: /),
      });
      expect(await jobs.get(job.id)).toMatchObject({ lifecycle: 'draft' });
    });
  },
);
