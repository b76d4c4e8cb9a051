import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import request from 'supertest';
import {
  asUser,
  startIngestionTestBackend,
  testExecutorModule,
} from '../../__testUtils__/testBackend';
import { TimedTestExecutor } from '../../__testUtils__/TimedTestExecutor';
import { testJobSpec } from '../../__testUtils__/storedJobs';

// Each test starts a whole backend, which takes more than Jest's default 5 s on a busy machine.
jest.setTimeout(60_000);

const LYRA = 'group:default/team-lyra';
const enc = encodeURIComponent;

const estimateRequest = {
  sourceType: 'postgres',
  targetType: 's3',
  dataVolumeGiB: 40,
  desiredCompletionMinutes: 30,
  schedule: { type: 'interval', everyMinutes: 60 },
};

describe('estimates API', () => {
  it('recommends units from the conservative prior when nothing has run, with both costs in the configured currency', async () => {
    const { server } = await startIngestionTestBackend({
      config: {
        ingestion: {
          estimator: {
            prices: {
              currency: 'CHF',
              dedicatedUnitPerMonth: 150,
              vcpuHour: 0.08,
            },
          },
        },
      },
    });
    const res = await request(server)
      .post('/api/ingestion/estimates')
      .set('Authorization', asUser('user:default/lars'))
      .send(estimateRequest);
    expect(res.status).toBe(200);
    expect(res.body.basis).toBe('prior');
    expect(res.body.basisLabel).toMatch(/no history/);
    expect(res.body.recommendation.meetsDeadline).toBe(true);
    expect(res.body.duration.highMinutes).toBeLessThanOrEqual(30);
    expect(res.body.cost).toMatchObject({
      currency: 'CHF',
      runsPerMonth: 720,
      runsPerMonthAssumed: false,
      dedicated: {
        units: res.body.recommendation.ingestionUnits,
        pricePerUnitMonth: 150,
        amount: res.body.recommendation.ingestionUnits * 150,
      },
      vcpuHours: { pricePerVcpuHour: 0.08 },
    });
  });

  it('refuses a bad request with a 400 naming the field, and users outside every tenant with a 403', async () => {
    const { server } = await startIngestionTestBackend();
    const negative = await request(server)
      .post('/api/ingestion/estimates')
      .set('Authorization', asUser('user:default/lars'))
      .send({ ...estimateRequest, dataVolumeGiB: -1 });
    expect(negative.status).toBe(400);
    expect(negative.body.error.message).toMatch(/dataVolumeGiB/);
    const formatForJdbc = await request(server)
      .post('/api/ingestion/estimates')
      .set('Authorization', asUser('user:default/lars'))
      .send({ ...estimateRequest, format: 'csv' });
    expect(formatForJdbc.status).toBe(400);
    expect(formatForJdbc.body.error.message).toMatch(/format/);
    const badSchedule = await request(server)
      .post('/api/ingestion/estimates')
      .set('Authorization', asUser('user:default/lars'))
      .send({
        ...estimateRequest,
        schedule: { type: 'cron', expression: 'hourly', timezone: 'UTC' },
      });
    expect(badSchedule.status).toBe(400);
    expect(badSchedule.body.error.message).toMatch(/schedule/);
    const unknownField = await request(server)
      .post('/api/ingestion/estimates')
      .set('Authorization', asUser('user:default/lars'))
      .send({ ...estimateRequest, cores: 4 });
    expect(unknownField.status).toBe(400);
    const anonymousOutsider = await request(server)
      .post('/api/ingestion/estimates')
      .set('Authorization', asUser('user:default/nobody'))
      .send(estimateRequest);
    expect(anonymousOutsider.status).toBe(403);
    expect(anonymousOutsider.body.error.message).toMatch(/tenant/);
  });

  it('estimates a job from its declared volume and SLA, for its tenant only', async () => {
    const { server } = await startIngestionTestBackend();
    const bought = await request(server)
      .post(`/api/ingestion/tenants/${enc(LYRA)}/purchases`)
      .set('Authorization', asUser('user:default/lars'))
      .send({ unitType: 'vcpu-hours', quantity: 100, period: 'monthly' });
    expect(bought.status).toBe(201);
    const spec = testJobSpec({
      name: 'orders-to-lake',
      tenant: LYRA,
      schedule: { type: 'cron', expression: '30 2 * * *', timezone: 'UTC' },
      slaMinutes: 45,
    });
    const created = await request(server)
      .post('/api/ingestion/jobs')
      .set('Authorization', asUser('user:default/lars'))
      .send({
        ...spec,
        source: { ...spec.source, partitionColumn: 'id', numPartitions: 6 },
        estimates: { ...spec.estimates, dataVolumeGiB: 12 },
      });
    expect(created.status).toBe(201);
    const own = await request(server)
      .get(`/api/ingestion/jobs/${created.body.id}/estimate`)
      .set('Authorization', asUser('user:default/lars'));
    expect(own.status).toBe(200);
    expect(own.body.request).toMatchObject({
      sourceType: 'postgres',
      targetType: 's3',
      dataVolumeGiB: 12,
      desiredCompletionMinutes: 45,
      partitions: 6,
    });
    expect(own.body.history).toEqual({
      jobRuns: 0,
      similarRuns: 0,
      similarJobs: 0,
    });
    expect(own.body.cost.runsPerMonth).toBe(30);
    const other = await request(server)
      .get(`/api/ingestion/jobs/${created.body.id}/estimate`)
      .set('Authorization', asUser('user:default/orla'));
    expect(other.status).toBe(404);
  });

  it('replays the job’s latest run from its event log at each size, with the smallest that meets the SLA', async () => {
    // A real event log of the ingestion application (PostgreSQL to Parquet on local Spark), left by every run.
    const eventLog = readFileSync(
      join(
        __dirname,
        '../../../../ingestion-backend-module-local-executor/src/metrics/__fixtures__/postgres-to-local.eventlog',
      ),
      'utf8',
    );
    const executor = new TimedTestExecutor(TimedTestExecutor.newEngine(), {
      now: () => Date.now(),
      durationMs: 200,
      eventLog,
      secrets: { [LYRA]: ['shop'] },
    });
    const { server } = await startIngestionTestBackend({
      // The real scheduler service, so that the dispatcher's task runs every second as in production.
      features: [testExecutorModule(executor), schedulerServiceFactory],
      config: {
        ingestion: { executor: 'timed-test', dispatchIntervalSeconds: 1 },
      },
    });
    const lars = asUser('user:default/lars');
    const spec = testJobSpec({
      name: 'orders-replayed',
      tenant: LYRA,
      schedule: { type: 'cron', expression: '30 2 * * *', timezone: 'UTC' },
      slaMinutes: 1,
    });
    await request(server)
      .post(`/api/ingestion/tenants/${enc(LYRA)}/purchases`)
      .set('Authorization', lars)
      .send({ unitType: 'vcpu-hours', quantity: 100, period: 'monthly' });
    const created = await request(server)
      .post('/api/ingestion/jobs')
      .set('Authorization', lars)
      .send({
        ...spec,
        estimates: { ...spec.estimates, expectedDurationMinutes: 1 },
      });
    expect(created.body).toMatchObject({ id: expect.any(String) });
    const before = await request(server)
      .get(`/api/ingestion/jobs/${created.body.id}/estimate`)
      .set('Authorization', lars);
    expect(before.body.lastRunReplay).toBeUndefined();

    const queued = await request(server)
      .post(`/api/ingestion/jobs/${created.body.id}/runs`)
      .set('Authorization', lars);
    expect(queued.status).toBe(202);
    const runPath = `/api/ingestion/jobs/${created.body.id}/runs/${queued.body.id}`;
    for (let i = 0; i < 100; i++) {
      const run = await request(server).get(runPath).set('Authorization', lars);
      if (run.body.state === 'succeeded') break;
      await new Promise(resolve => setTimeout(resolve, 200));
    }

    const after = await request(server)
      .get(`/api/ingestion/jobs/${created.body.id}/estimate`)
      .set('Authorization', lars);
    expect(after.status).toBe(200);
    const replay = after.body.lastRunReplay;
    expect(replay).toMatchObject({
      runId: queued.body.id,
      slaMinutes: 1,
      gaps: [],
    });
    expect(replay.sizes.length).toBeGreaterThan(1);
    // More task slots never make the replay slower, and the recommendation is the first size within the SLA.
    const minutes = replay.sizes.map((s: any) => s.predictedMinutes);
    for (let i = 1; i < minutes.length; i++) {
      expect(minutes[i]).toBeLessThanOrEqual(minutes[i - 1] + 1e-9);
    }
    const firstWithin = replay.sizes.find((s: any) => s.meetsSla);
    expect(replay.recommendation).toMatchObject({
      ingestionUnits: firstWithin.ingestionUnits,
      meetsSla: true,
    });
    expect(replay.cost.dedicated.units).toBe(firstWithin.ingestionUnits);
  });
});
