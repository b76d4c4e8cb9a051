import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { IngestionJob } from '@internal/backstage-plugin-ingestion-common';
import { Knex } from 'knex';
import { readIngestionConfig } from '../config';
import { DatabaseJobStore } from '../database/DatabaseJobStore';
import { DatabaseRunStore } from '../database/DatabaseRunStore';
import { DatabaseSparkUnitRegistryStore } from '../database/DatabaseSparkUnitRegistryStore';
import { MIGRATIONS_DIRECTORY } from '../database/migrateDatabase';
import { CapacityService } from '../services/CapacityService';
import { createTestDatabases } from '../__testUtils__/databases';
import { TimedTestExecutor } from '../__testUtils__/TimedTestExecutor';
import { queueManualRun, testJobSpec } from '../__testUtils__/storedJobs';
import { RunDispatcher } from './RunDispatcher';
import { SliceCalendarService } from './SliceCalendarService';
import { LifecycleService } from '../services/lifecycle/LifecycleService';
import { DatabaseLifecycleStore } from '../database/DatabaseLifecycleStore';
import { AdmissionQueue } from '../services/admission/AdmissionQueue';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const MIN = 60_000;
const T0 = Date.parse('2026-03-02T10:00:00Z');
const LYRA = 'group:default/team-lyra';
const config = readIngestionConfig(new ConfigReader({}));

describe.each(databases.eachSupportedId())('RunDispatcher (%s)', databaseId => {
  let db: Knex;
  let clock: number;
  let engine: ReturnType<typeof TimedTestExecutor.newEngine>;
  let capacity: CapacityService;
  let jobs: DatabaseJobStore;
  let runs: DatabaseRunStore;

  let timedOut: string[];

  function dispatcher(durationMs = 10 * MIN, failJobs?: Set<string>) {
    return new RunDispatcher({
      config,
      alerts: {
        runTimedOut: async (run, job, limitMinutes) => {
          timedOut.push(`${run.tenant} ${job.name} ${limitMinutes}`);
        },
        runPreempted: async () => {},
      },
      jobs,
      runs,
      capacity,
      executor: new TimedTestExecutor(engine, {
        now: () => clock,
        durationMs,
        failJobs,
      }),
      logger: mockServices.logger.mock(),
      now: () => clock,
    });
  }

  async function addJob(
    name: string,
    everyMinutes = 60,
    cores = 1,
    tenant = LYRA,
  ): Promise<IngestionJob> {
    return jobs.create({
      id: `job-${name}`,
      spec: testJobSpec({
        name,
        tenant,
        cores,
        schedule: {
          type: 'interval',
          everyMinutes,
          startAt: '2026-03-02T10:00:00Z',
        },
      }),
      lifecycle: 'draft',
      tier: 'draft',
      by: 'test',
      at: T0 - MIN,
    });
  }

  /** A new job in production the way the API gets it there: a platform admin's promotion, admitted by the calendar. */
  async function addProductionJob(
    ...args: Parameters<typeof addJob>
  ): Promise<IngestionJob> {
    const job = await addJob(...args);
    const logger = mockServices.logger.mock();
    return new LifecycleService({
      sizingConfidence: 0.9,
      profilingRuns: 3,
      jobs,
      runs,
      lifecycle: new DatabaseLifecycleStore(db),
      calendar: new SliceCalendarService({
        sizingConfidence: 0.9,
        config,
        jobs,
        runs,
        capacity,
        logger,
        now: () => clock,
      }),
      admissions: new AdmissionQueue(),
      notifications: { send: async () => {} },
      events: { publish: async () => {} },
      logger,
      now: () => clock,
    }).promote(job.id, 'user:default/ada');
  }

  const queueRunNow = (job: IngestionJob, id: string) =>
    queueManualRun(runs, config, job, id, clock);

  beforeEach(async () => {
    db = await databases.init(databaseId);
    await db.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    await new DatabaseSparkUnitRegistryStore(db).seed(
      { dedicated: 2, 'vcore-hours': 2, draft: 2 },
      'test',
    );
    clock = T0;
    timedOut = [];
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
    await capacity.purchase(
      LYRA,
      { unitType: 'vcpu-hours', quantity: 100, period: 'monthly' },
      'test',
    );
  });

  it('queues each due occurrence once, runs it, records every transition, meters it and keeps the watermark', async () => {
    const job = await addProductionJob('hourly');
    expect(await dispatcher().tick()).toMatchObject({ queued: 1, started: 1 });
    clock += MIN;
    expect(await dispatcher().tick()).toMatchObject({ queued: 0, started: 0 });
    clock += 10 * MIN;
    expect(await dispatcher().tick()).toMatchObject({ finished: 1 });

    const { items } = await runs.listByJob(job.id, { limit: 10, offset: 0 });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      state: 'succeeded',
      trigger: 'schedule',
      scheduledFor: '2026-03-02T10:00:00.000Z',
      pool: 'vcore-hours',
      tier: 'vcore-hours',
      namespace: 'ingestion-vcore-hours',
    });
    // Sized when queued: the executor got exactly the run's sizing, overhead included.
    expect(engine.runs.get(items[0].id)?.submission.resources).toEqual(
      items[0].sizing,
    );
    expect(items[0].sizing).toEqual({
      driverCores: 1,
      driverMemoryMiB: 1024 + 512,
      executorCores: 1,
      executorMemoryMiB: 1024 + 384,
      executorInstances: 1,
    });
    expect(items[0].metrics?.recordsOut).toBe(10);
    expect(items[0]).toMatchObject({
      outputPath: `s3a://lake/orders/run_id=${items[0].id}`,
      watermark: `wm-${items[0].id}`,
    });
    expect((await runs.transitions(items[0].id)).map(t => t.to)).toEqual([
      'queued',
      'submitted',
      'running',
      'succeeded',
    ]);
    // 2 cores (driver + executor) for 10 minutes.
    expect((await capacity.balance(LYRA)).remainingHours).toBeCloseTo(
      100 - 2 * (10 / 60),
      6,
    );
    expect(await jobs.getWatermark(job.id)).toBe(`wm-${items[0].id}`);
  });

  it('loses and doubles nothing when the scheduler dies mid-run and starts again', async () => {
    const job = await addJob('hourly');
    await dispatcher().tick(); // submits the 10:00 run, then "dies"
    clock += 5 * MIN;
    const restarted = dispatcher();
    await restarted.reconcile();
    await restarted.tick();
    clock += 6 * MIN;
    await dispatcher().reconcile(); // and once more, after the run finished while nobody looked
    await dispatcher().tick();
    await dispatcher().tick();

    const { items } = await runs.listByJob(job.id, { limit: 10, offset: 0 });
    expect(items.map(r => r.state)).toEqual(['succeeded']);
    expect(engine.submissions).toEqual([items[0].id]);
    const debits = (await capacity.ledger(LYRA)).filter(
      e => e.kind === 'run-debit',
    );
    expect(debits).toHaveLength(1);
  });

  it('hands a run over again when the scheduler died between recording and handing it over', async () => {
    const job = await addJob('hourly');
    const run = await queueRunNow(job, 'run-crashed');
    await runs.transition(run!.id, { from: 'queued', to: 'submitted', at: T0 }); // ... and then the process died
    await dispatcher().reconcile();
    expect(engine.submissions.filter(id => id === 'run-crashed')).toHaveLength(
      1,
    );
    clock += 11 * MIN;
    await dispatcher().tick();
    expect((await runs.get('run-crashed'))?.state).toBe('succeeded');
  });

  it('stops engine runs that no job owns, or that were cancelled here while the scheduler was away', async () => {
    const job = await addJob('hourly');
    const executor = new TimedTestExecutor(engine, {
      now: () => clock,
      durationMs: 10 * MIN,
    });
    await executor.submit({
      runId: 'stray',
      jobId: 'gone',
      tenant: LYRA,
      tier: 'vcore-hours',
      namespace: 'x',
      opportunistic: false,
      resources: {} as any,
      application: {} as any,
    });
    await dispatcher().tick();
    const [run] = (await runs.listByJob(job.id, { limit: 1, offset: 0 })).items;
    await runs.transition(run.id, {
      from: run.state,
      to: 'cancelled',
      at: clock,
      reason: 'cancelled by a user',
    });
    await dispatcher().reconcile();
    expect(engine.runs.get('stray')?.cancelledAt).toBe(clock);
    expect(engine.runs.get(run.id)?.cancelledAt).toBe(clock);
  });

  it('starts runs only while the namespace has room; the rest wait their turn', async () => {
    // draft has 2 Spark Units × 4 cores = 8 cores; each run needs 1 + 3 = 4 cores.
    for (const name of ['a', 'b', 'c']) await addJob(name, 60, 3);
    expect(await dispatcher().tick()).toMatchObject({ queued: 3, started: 2 });
    expect(await runs.listInStates(['queued'])).toHaveLength(1);
    clock += 10 * MIN;
    expect(await dispatcher().tick()).toMatchObject({
      finished: 2,
      started: 1,
    });
  });

  it('shares the vcore-hours namespace in proportion to purchased vCPU-hours, starving no one', async () => {
    const VEGA = 'group:default/team-vega';
    await capacity.purchase(
      VEGA,
      { unitType: 'vcpu-hours', quantity: 300, period: 'monthly' },
      'test',
    );
    // Room for two 4-core runs at a time; both tenants keep eight more runs waiting, queued by hand.
    const lyraJob = await addProductionJob('lyra', 60, 3, LYRA);
    const vegaJob = await addProductionJob('vega', 60, 3, VEGA);
    for (let i = 0; i < 8; i++) {
      await queueRunNow(lyraJob, `lyra-${i}`);
      await queueRunNow(vegaJob, `vega-${i}`);
    }
    const d = dispatcher(10 * MIN);
    const startedBy: string[] = [];
    for (let tick = 0; tick < 4; tick++) {
      await d.tick();
      clock += 10 * MIN + 1;
    }
    for (const runId of engine.submissions) {
      startedBy.push(engine.runs.get(runId)!.submission.tenant);
    }
    const lyra = startedBy.filter(t => t === LYRA).length;
    const vega = startedBy.filter(t => t === VEGA).length;
    expect(lyra + vega).toBe(8);
    // Weights 100 : 300 → about 2 : 6 of the first eight starts (ties go either way), and nobody is starved.
    expect(lyra).toBeGreaterThanOrEqual(2);
    expect(lyra).toBeLessThanOrEqual(3);
  });

  it('holds the queued runs of a paused job until it is resumed', async () => {
    const job = await addProductionJob('hourly');
    await queueRunNow(job, 'held');
    await jobs.update(job.id, { status: 'paused' }, 'test', clock);
    await dispatcher().tick();
    expect((await runs.get('held'))?.state).toBe('queued');
    await jobs.update(job.id, { status: 'active' }, 'test', clock);
    await dispatcher().tick();
    expect((await runs.get('held'))?.state).toBe('submitted');
  });

  it('meters a run from its own record when its job was deleted while it ran', async () => {
    const job = await addProductionJob('hourly');
    const d = dispatcher();
    await d.tick();
    clock += 6 * MIN;
    const [run] = (await runs.listByJob(job.id, { limit: 1, offset: 0 })).items;
    await jobs.delete(job.id);
    await d.cancel(run, 'the job was deleted');
    expect((await runs.get(run.id))?.state).toBe('cancelled');
    const debits = (await capacity.ledger(LYRA)).filter(
      e => e.kind === 'run-debit',
    );
    // 2 cores for 6 minutes.
    expect(debits.map(e => e.quantity)).toEqual([-(2 * 6) / 60]);
  });

  it('cancels queued vCPU-hour runs of a tenant whose balance is used up, saying why', async () => {
    await capacity.adjust(LYRA, -100, 'used up elsewhere', 'test');
    const job = await addJob('hourly');
    await dispatcher().tick();
    const { items } = await runs.listByJob(job.id, { limit: 10, offset: 0 });
    expect(items[0]).toMatchObject({
      state: 'cancelled',
      message: expect.stringMatching(/is used up/),
    });
    expect(engine.submissions).toEqual([]);
  });

  it('records a failed run with the engine’s message and does not move the watermark', async () => {
    const job = await addJob('hourly');
    const failing = dispatcher(5 * MIN, new Set([job.id]));
    await failing.tick();
    clock += 6 * MIN;
    await failing.tick();
    const { items } = await runs.listByJob(job.id, { limit: 10, offset: 0 });
    expect(items[0]).toMatchObject({
      state: 'failed',
      message: 'source table public.orders does not exist',
    });
    expect(await jobs.getWatermark(job.id)).toBeNull();
  });

  it('cancels a running run through the executor', async () => {
    const job = await addJob('hourly');
    const d = dispatcher();
    await d.tick();
    clock += 2 * MIN;
    const [run] = (await runs.listByJob(job.id, { limit: 1, offset: 0 })).items;
    await d.cancel(run, 'cancelled by user:default/lars');
    expect(await runs.get(run.id)).toMatchObject({
      state: 'cancelled',
      message: 'cancelled by user:default/lars',
    });
    expect(engine.runs.get(run.id)?.cancelledAt).toBe(clock);
  });

  it('stops a run past its time limit: timed_out, charged up to the limit, capacity freed, tenant alerted', async () => {
    // SLA 20 min, limit 2 x 20 = 40 min; the engine would run for 3 hours.
    // 5 cores each (1 driver + 4 executor); the 8-core namespace holds one at a time.
    await addJob('first', 60, 4);
    await addJob('second', 60, 4);
    const slow = () => dispatcher(180 * MIN);
    expect(await slow().tick()).toMatchObject({ queued: 2, started: 1 });
    const [hung] = await runs.listInStates(['submitted']);
    const [waiting] = await runs.listInStates(['queued']);
    clock += MIN;
    await slow().tick(); // observed running
    clock += 41 * MIN;
    await slow().tick(); // 42 min after the start: stopped, and the waiting run takes its place
    const run = (await runs.get(hung.id))!;
    expect(run.state).toBe('timed_out');
    expect(run.message).toMatch(
      /run time limit of 40 min \(2 × the SLA of 20 min\)/,
    );
    expect(engine.runs.get(run.id)?.cancelledAt).toBe(clock);
    const jobName = hung.jobId.replace(/^job-/, '');
    expect(timedOut).toEqual([`${LYRA} ${jobName} 40`]);
    expect((await runs.get(waiting.id))?.state).toBe('submitted');
    // Charged 5 cores x 40 minutes, the limit, however late the tick that stopped it came.
    expect((await capacity.balance(LYRA)).consumedHours).toBeCloseTo(
      (5 * 40) / 60,
      6,
    );
  });
});
