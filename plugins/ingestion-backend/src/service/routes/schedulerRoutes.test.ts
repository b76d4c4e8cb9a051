import request from 'supertest';
import {
  asUser,
  startIngestionTestBackend,
} from '../../__testUtils__/testBackend';

const LYRA = 'group:default/team-lyra';
const VEGA = 'group:default/team-vega';

// The draft namespace gets 2 Spark Units of 4 cores: 8 cores. A run of this job needs 1 + 1 × 4 = 5 cores.
const bigJob = (name: string, tenant: string, expression = '0 3 * * *') => ({
  name,
  tenant,
  source: {
    type: 'mysql',
    host: 'db.internal',
    port: 3306,
    database: 'crm',
    table: 'contacts',
    credentialsSecret: 'crm',
  },
  target: {
    type: 'hdfs',
    path: 'hdfs://namenode:8020/lake/contacts',
    format: 'parquet',
  },
  schedule: { type: 'cron', expression, timezone: 'UTC' },
  estimates: { dataVolumeGiB: 5, expectedDurationMinutes: 40, slaMinutes: 60 },
  resources: {
    executorInstances: 1,
    executorCores: 4,
    executorMemoryGiB: 4,
    driverCores: 1,
    driverMemoryGiB: 2,
  },
});

async function setUp() {
  const backend = await startIngestionTestBackend();
  for (const [tenant, user] of [
    [LYRA, 'user:default/lars'],
    [VEGA, 'user:default/vera'],
  ]) {
    await request(backend.server)
      .post(`/api/ingestion/tenants/${encodeURIComponent(tenant)}/purchases`)
      .set('Authorization', asUser(user))
      .send({ unitType: 'vcpu-hours', quantity: 200, period: 'monthly' })
      .expect(201);
  }
  return backend;
}

describe('slice-calendar admission through the API', () => {
  it('refuses a schedule whose slices are full with alternatives that really fit, and admits the alternative', async () => {
    const { server } = await setUp();
    const first = await request(server)
      .post('/api/ingestion/jobs')
      .set('Authorization', asUser('user:default/lars'))
      .send(bigJob('contacts', LYRA));
    expect(first.status).toBe(201);

    const clash = await request(server)
      .post('/api/ingestion/jobs')
      .set('Authorization', asUser('user:default/vera'))
      .send(bigJob('leads', VEGA));
    expect(clash.status).toBe(409);
    expect(clash.body.error.message).toMatch(
      /The draft namespace has no room for this schedule/,
    );
    expect(clash.body.error.message).toMatch(/It would fit shifted by/);

    const validation = await request(server)
      .post('/api/ingestion/jobs/validate')
      .set('Authorization', asUser('user:default/vera'))
      .send(bigJob('leads', VEGA));
    const { admission } = validation.body;
    expect(admission).toMatchObject({ admitted: false, status: 409 });
    expect(admission.alternatives.length).toBeGreaterThan(0);
    // The nearest alternative starts the runs after the first job's 40 minutes (3 slices of 15) have passed, or before.
    expect(
      Math.abs(admission.alternatives[0].shiftMinutes),
    ).toBeGreaterThanOrEqual(45);

    const accepted = await request(server)
      .post('/api/ingestion/jobs')
      .set('Authorization', asUser('user:default/vera'))
      .send({
        ...bigJob('leads', VEGA),
        schedule: admission.alternatives[0].schedule,
      });
    expect(accepted.status).toBe(201);
  });

  it('frees the slices of a paused job at once, and shows the calendar as a heatmap', async () => {
    const { server } = await setUp();
    const lars = asUser('user:default/lars');
    const job = (
      await request(server)
        .post('/api/ingestion/jobs')
        .set('Authorization', lars)
        .send(bigJob('contacts', LYRA, '0 */2 * * *'))
    ).body;

    const heatmap = await request(server)
      .get('/api/ingestion/scheduler/heatmap?tier=draft&hours=24')
      .set('Authorization', asUser('user:default/ada'));
    expect(heatmap.status).toBe(200);
    expect(heatmap.body.slices).toHaveLength(96);
    // A 40-minute run every two hours occupies three of every eight 15-minute slices.
    const busy = heatmap.body.slices.filter((s: any) => s.committedCores > 0);
    expect(busy.length).toBeGreaterThanOrEqual(35);
    expect(busy.length).toBeLessThanOrEqual(37);
    expect(busy[0]).toMatchObject({
      capacityCores: 8,
      jobs: [expect.objectContaining({ jobId: job.id, tenant: LYRA })],
    });

    // Another tenant sees the load but not whose it is.
    const asVera = await request(server)
      .get('/api/ingestion/scheduler/heatmap?tier=draft')
      .set('Authorization', asUser('user:default/vera'));
    expect(
      asVera.body.slices.find((s: any) => s.committedCores > 0).jobs,
    ).toEqual([]);

    await request(server)
      .put(`/api/ingestion/jobs/${job.id}/status`)
      .set('Authorization', lars)
      .send({ status: 'paused' })
      .expect(200);
    const after = await request(server)
      .get('/api/ingestion/scheduler/heatmap?tier=draft')
      .set('Authorization', lars);
    expect(after.body.slices.every((s: any) => s.committedCores === 0)).toBe(
      true,
    );
  });

  it('tells when a queued run can start', async () => {
    const { server } = await setUp();
    const lars = asUser('user:default/lars');
    const job = (
      await request(server)
        .post('/api/ingestion/jobs')
        .set('Authorization', lars)
        .send(bigJob('contacts', LYRA))
    ).body;
    await request(server)
      .post(`/api/ingestion/jobs/${job.id}/runs`)
      .set('Authorization', lars)
      .expect(202);
    const runs = await request(server)
      .get(`/api/ingestion/jobs/${job.id}/runs`)
      .set('Authorization', lars);
    expect(Date.parse(runs.body.items[0].estimatedStartAt)).toBeGreaterThan(
      Date.now() - 15 * 60_000,
    );
  });
});

describe('concurrent admission', () => {
  it('admits exactly one of many simultaneous jobs competing for the same slices', async () => {
    const { server } = await setUp();
    const attempts = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        request(server)
          .post('/api/ingestion/jobs')
          .set(
            'Authorization',
            asUser(i % 2 ? 'user:default/lars' : 'user:default/vera'),
          )
          .send(bigJob(`race-${i}`, i % 2 ? LYRA : VEGA)),
      ),
    );
    const statuses = attempts.map(a => a.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const heatmap = await request(server)
      .get('/api/ingestion/scheduler/heatmap?tier=draft')
      .set('Authorization', asUser('user:default/ada'));
    expect(
      Math.max(...heatmap.body.slices.map((s: any) => s.committedCores)),
    ).toBeLessThanOrEqual(8);
  });
});
