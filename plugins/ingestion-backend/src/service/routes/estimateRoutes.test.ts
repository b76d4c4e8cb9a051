import request from 'supertest';
import {
  asUser,
  startIngestionTestBackend,
} from '../../__testUtils__/testBackend';
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
});
