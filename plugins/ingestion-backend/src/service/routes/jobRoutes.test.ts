import request from 'supertest';
import {
  asUser,
  startIngestionTestBackend,
} from '../../__testUtils__/testBackend';

// Each test starts a whole backend (migrations included), which takes seconds on a busy machine.
jest.setTimeout(30_000);

const ORION = 'group:default/team-orion';
const LYRA = 'group:default/team-lyra';
const enc = encodeURIComponent;

const jobSpec = (overrides: Record<string, unknown> = {}) => ({
  name: 'orders-to-lake',
  tenant: LYRA,
  source: {
    type: 'postgres',
    host: 'db.internal',
    port: 5432,
    database: 'shop',
    table: 'public.orders',
    credentialsSecret: 'shop-db',
  },
  target: { type: 's3', path: 's3a://lake/orders', format: 'parquet' },
  schedule: {
    type: 'cron',
    expression: '30 2 * * *',
    timezone: 'Europe/Berlin',
  },
  estimates: { dataVolumeGiB: 12, expectedDurationMinutes: 20, slaMinutes: 45 },
  // Small runs (2 cores), so several jobs fit the draft namespace's slices side by side.
  resources: {
    executorInstances: 1,
    executorCores: 1,
    executorMemoryGiB: 1,
    driverCores: 1,
    driverMemoryGiB: 1,
  },
  ...overrides,
});

const fiveCores = {
  executorInstances: 2,
  executorCores: 2,
  executorMemoryGiB: 2,
  driverCores: 1,
  driverMemoryGiB: 1,
};

async function buyHours(
  server: any,
  tenant: string,
  user: string,
  quantity: number,
) {
  const res = await request(server)
    .post(`/api/ingestion/tenants/${enc(tenant)}/purchases`)
    .set('Authorization', asUser(user))
    .send({ unitType: 'vcpu-hours', quantity, period: 'monthly' });
  expect(res.status).toBe(201);
}

describe('jobs API', () => {
  it('creates a job in the draft namespace, assigned to the tenant’s purchased pool', async () => {
    const { resources: _defaults, ...withoutResources } = jobSpec();
    const { server } = await startIngestionTestBackend();
    await buyHours(server, LYRA, 'user:default/lars', 100);
    const res = await request(server)
      .post('/api/ingestion/jobs')
      .set('Authorization', asUser('user:default/lars'))
      .send(withoutResources);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'orders-to-lake',
      tenant: LYRA,
      pool: 'vcore-hours',
      lifecycle: 'draft',
      tier: 'draft',
      status: 'active',
    });
    const read = await request(server)
      .get(`/api/ingestion/jobs/${res.body.id}`)
      .set('Authorization', asUser('user:default/lars'));
    expect(read.body.resources).toEqual({
      executorInstances: 2,
      executorCores: 2,
      executorMemoryGiB: 4,
      driverCores: 1,
      driverMemoryGiB: 2,
    });
  });

  it('names each bad field with a 400 and stores nothing', async () => {
    const { server } = await startIngestionTestBackend();
    await buyHours(server, LYRA, 'user:default/lars', 100);
    const bad = jobSpec({
      schedule: {
        type: 'cron',
        expression: '99 * * * *',
        timezone: 'Europe/Berlin',
      },
    });
    (bad.source as any).port = 0;
    const res = await request(server)
      .post('/api/ingestion/jobs')
      .set('Authorization', asUser('user:default/lars'))
      .send(bad);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /source.port must be from 1 to 65535/,
    );
    expect(res.body.error.message).toMatch(
      /schedule.expression is not a valid cron expression/,
    );
    const list = await request(server)
      .get('/api/ingestion/jobs')
      .set('Authorization', asUser('user:default/lars'));
    expect(list.body.totalCount).toBe(0);
  });

  it('keeps how runs land and how CSV is read, and refuses a mode that cannot work', async () => {
    const { server } = await startIngestionTestBackend();
    await buyHours(server, LYRA, 'user:default/lars', 100);
    const csv = {
      type: 's3',
      bucket: 'raw',
      prefix: 'sales/',
      format: 'csv',
      options: { delimiter: ';', schema: 'id BIGINT, day DATE' },
    };
    const refused = await request(server)
      .post('/api/ingestion/jobs')
      .set('Authorization', asUser('user:default/lars'))
      .send(
        jobSpec({
          source: csv,
          target: {
            type: 's3',
            path: 's3a://lake/sales',
            format: 'parquet',
            mode: 'overwrite-partitions',
          },
        }),
      );
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(
      /target.mode overwrite-partitions needs partitionBy/,
    );

    const target = {
      type: 's3',
      path: 's3a://lake/sales',
      format: 'parquet',
      partitionBy: ['day'],
      mode: 'overwrite-partitions',
    };
    const created = await request(server)
      .post('/api/ingestion/jobs')
      .set('Authorization', asUser('user:default/lars'))
      .send(jobSpec({ source: csv, target }));
    expect(created.status).toBe(201);
    const read = await request(server)
      .get(`/api/ingestion/jobs/${created.body.id}`)
      .set('Authorization', asUser('user:default/lars'));
    expect(read.body.source).toEqual(csv);
    expect(read.body.target).toEqual(target);
  });

  it('refuses local targets unless the deployment allows them', async () => {
    const { server } = await startIngestionTestBackend();
    await buyHours(server, LYRA, 'user:default/lars', 100);
    const local = jobSpec({
      target: {
        type: 'local',
        path: '/srv/lake/default/team-lyra/orders',
        format: 'parquet',
      },
    });
    const res = await request(server)
      .post('/api/ingestion/jobs')
      .set('Authorization', asUser('user:default/lars'))
      .send(local);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /target.type local is for development only/,
    );
    const dev = await startIngestionTestBackend({
      config: {
        ingestion: { allowLocalTargets: true, localTargetRoot: '/srv/lake' },
      },
    });
    await buyHours(dev.server, LYRA, 'user:default/lars', 100);
    const ok = await request(dev.server)
      .post('/api/ingestion/jobs')
      .set('Authorization', asUser('user:default/lars'))
      .send(local);
    expect(ok.status).toBe(201);
  });

  it('refuses a job of a tenant that bought nothing with 402, then accepts it after a purchase', async () => {
    const { server } = await startIngestionTestBackend();
    const refused = await request(server)
      .post('/api/ingestion/jobs')
      .set('Authorization', asUser('user:default/lars'))
      .send(jobSpec());
    expect(refused.status).toBe(402);
    expect(refused.body.error.message).toMatch(/bought no capacity yet/);
    await buyHours(server, LYRA, 'user:default/lars', 10);
    const accepted = await request(server)
      .post('/api/ingestion/jobs')
      .set('Authorization', asUser('user:default/lars'))
      .send(jobSpec());
    expect(accepted.status).toBe(201);
  });

  it('refuses a dedicated job whose run does not fit the tenant’s dedicated units', async () => {
    const { server } = await startIngestionTestBackend();
    await request(server)
      .post(`/api/ingestion/tenants/${enc(ORION)}/purchases`)
      .set('Authorization', asUser('user:default/orla'))
      .send({ unitType: 'dedicated-units', quantity: 1, period: 'monthly' });
    const res = await request(server)
      .post('/api/ingestion/jobs')
      .set('Authorization', asUser('user:default/orla'))
      .send(jobSpec({ tenant: ORION, resources: fiveCores }));
    expect(res.status).toBe(402);
    expect(res.body.error.message).toMatch(
      /needs 5 cores but .* 1 Dedicated Ingestion Units give 4/,
    );
  });

  it('keeps tenants apart: another tenant’s job does not exist for you', async () => {
    const { server } = await startIngestionTestBackend();
    await buyHours(server, LYRA, 'user:default/lars', 100);
    const job = (
      await request(server)
        .post('/api/ingestion/jobs')
        .set('Authorization', asUser('user:default/lars'))
        .send(jobSpec())
    ).body;
    for (const [method, path] of [
      ['get', `/api/ingestion/jobs/${job.id}`],
      ['get', `/api/ingestion/jobs/${job.id}/runs`],
      ['post', `/api/ingestion/jobs/${job.id}/runs`],
      ['delete', `/api/ingestion/jobs/${job.id}`],
    ] as const) {
      const res = await (request(server) as any)
        [method](path)
        .set('Authorization', asUser('user:default/orla'));
      expect(res.status).toBe(404);
    }
    const orlaList = await request(server)
      .get('/api/ingestion/jobs')
      .set('Authorization', asUser('user:default/orla'));
    expect(orlaList.body).toEqual({ items: [], totalCount: 0 });
    const creatingForOthers = await request(server)
      .post('/api/ingestion/jobs')
      .set('Authorization', asUser('user:default/orla'))
      .send(jobSpec({ name: 'sneaky' }));
    expect(creatingForOthers.status).toBe(404);
    const admin = await request(server)
      .get(`/api/ingestion/jobs?tenant=${enc(LYRA)}`)
      .set('Authorization', asUser('user:default/ada'));
    expect(admin.body.totalCount).toBe(1);
  });

  it('lets a platform admin promote and send back by hand; a tenant may not', async () => {
    const { server } = await startIngestionTestBackend();
    const lars = asUser('user:default/lars');
    const ada = asUser('user:default/ada');
    await buyHours(server, LYRA, 'user:default/lars', 100);
    const { body: job } = await request(server)
      .post('/api/ingestion/jobs')
      .set('Authorization', lars)
      .send(jobSpec());

    const refused = await request(server)
      .post(`/api/ingestion/jobs/${job.id}/promote`)
      .set('Authorization', lars);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/Only platform admins/);

    const promoted = await request(server)
      .post(`/api/ingestion/jobs/${job.id}/promote`)
      .set('Authorization', ada);
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({
      lifecycle: 'production',
      tier: 'vcore-hours',
      lifecycleReason: 'Promoted to vcore-hours by user:default/ada',
    });
    const run = await request(server)
      .post(`/api/ingestion/jobs/${job.id}/runs`)
      .set('Authorization', lars);
    expect(run.body).toMatchObject({
      pool: 'vcore-hours',
      tier: 'vcore-hours',
      namespace: 'ingestion-vcore-hours',
      allocatedCores: 2,
      allocatedMemoryMiB: 1536 + 1408,
    });

    const sentBack = await request(server)
      .post(`/api/ingestion/jobs/${job.id}/send-back`)
      .set('Authorization', ada)
      .send({ reason: 'profile it on the new cluster' });
    expect(sentBack.body).toMatchObject({
      lifecycle: 'draft',
      tier: 'draft',
      lifecycleReason:
        'Sent back to draft by user:default/ada: profile it on the new cluster',
    });
    const health = await request(server)
      .get(`/api/ingestion/jobs/${job.id}/health`)
      .set('Authorization', lars);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      lifecycle: 'draft',
      profiling: { requiredRuns: 3, consecutiveWithinSla: 0 },
      sla: { judgedRuns: 0, metRuns: 0 },
      recommendations: [],
    });
    expect(
      health.body.timeline.map((e: any) => `${e.kind} by ${e.by}`),
    ).toEqual([
      'created by user:default/lars',
      'promoted by user:default/ada',
      'sent-back by user:default/ada',
    ]);
  });

  it('sends a production job back to draft when its source, target or resources change, and says so', async () => {
    const { server } = await startIngestionTestBackend();
    const lars = asUser('user:default/lars');
    await buyHours(server, LYRA, 'user:default/lars', 100);
    const { body: job } = await request(server)
      .post('/api/ingestion/jobs')
      .set('Authorization', lars)
      .send(jobSpec());
    await request(server)
      .post(`/api/ingestion/jobs/${job.id}/promote`)
      .set('Authorization', asUser('user:default/ada'))
      .expect(200);

    const described = await request(server)
      .put(`/api/ingestion/jobs/${job.id}`)
      .set('Authorization', lars)
      .send(jobSpec({ description: 'nightly orders' }));
    expect(described.body).toMatchObject({
      lifecycle: 'production',
      tier: 'vcore-hours',
    });

    const resized = await request(server)
      .put(`/api/ingestion/jobs/${job.id}`)
      .set('Authorization', lars)
      .send(
        jobSpec({
          resources: { ...jobSpec().resources, executorInstances: 2 },
        }),
      );
    expect(resized.status).toBe(200);
    expect(resized.body).toMatchObject({
      lifecycle: 'draft',
      tier: 'draft',
      lifecycleReason:
        'Sent back to draft: its resources changed, so it is profiled again',
    });
  });

  it('lists jobs paged and filtered, updates, changes schedule, pauses and deletes', async () => {
    const { server } = await startIngestionTestBackend();
    const lars = asUser('user:default/lars');
    await buyHours(server, LYRA, 'user:default/lars', 100);
    const ids: string[] = [];
    for (const name of ['alpha', 'beta', 'gamma']) {
      ids.push(
        (
          await request(server)
            .post('/api/ingestion/jobs')
            .set('Authorization', lars)
            .send(jobSpec({ name }))
        ).body.id,
      );
    }
    const page = await request(server)
      .get('/api/ingestion/jobs?limit=2&offset=1')
      .set('Authorization', lars);
    expect(page.body.totalCount).toBe(3);
    expect(page.body.items.map((j: any) => j.name)).toEqual(['beta', 'gamma']);
    const search = await request(server)
      .get('/api/ingestion/jobs?search=amm')
      .set('Authorization', lars);
    expect(search.body.items.map((j: any) => j.name)).toEqual(['gamma']);

    const schedule = await request(server)
      .put(`/api/ingestion/jobs/${ids[0]}/schedule`)
      .set('Authorization', lars)
      .send({ type: 'interval', everyMinutes: 60 });
    expect(schedule.status).toBe(200);
    expect(schedule.body.schedule).toEqual({
      type: 'interval',
      everyMinutes: 60,
    });

    const badSchedule = await request(server)
      .put(`/api/ingestion/jobs/${ids[0]}/schedule`)
      .set('Authorization', lars)
      .send({ type: 'interval', everyMinutes: 2 });
    expect(badSchedule.status).toBe(400);
    expect(badSchedule.body.error.message).toMatch(
      /schedule.everyMinutes must be at least 5/,
    );

    const updated = await request(server)
      .put(`/api/ingestion/jobs/${ids[1]}`)
      .set('Authorization', lars)
      .send(jobSpec({ name: 'beta', description: 'now documented' }));
    expect(updated.body.description).toBe('now documented');

    const paused = await request(server)
      .put(`/api/ingestion/jobs/${ids[1]}/status`)
      .set('Authorization', lars)
      .send({ status: 'paused' });
    expect(paused.body.status).toBe('paused');
    const pausedOnly = await request(server)
      .get('/api/ingestion/jobs?status=paused')
      .set('Authorization', lars);
    expect(pausedOnly.body.items.map((j: any) => j.name)).toEqual(['beta']);

    expect(
      (
        await request(server)
          .delete(`/api/ingestion/jobs/${ids[2]}`)
          .set('Authorization', lars)
      ).status,
    ).toBe(204);
    expect(
      (
        await request(server)
          .get(`/api/ingestion/jobs/${ids[2]}`)
          .set('Authorization', lars)
      ).status,
    ).toBe(404);
    const duplicate = await request(server)
      .post('/api/ingestion/jobs')
      .set('Authorization', lars)
      .send(jobSpec({ name: 'alpha' }));
    expect(duplicate.status).toBe(409);
  });

  it('runs a job now, refuses at zero balance with 402 and admits again after buying', async () => {
    const { server } = await startIngestionTestBackend();
    const lars = asUser('user:default/lars');
    await buyHours(server, LYRA, 'user:default/lars', 5);
    const job = (
      await request(server)
        .post('/api/ingestion/jobs')
        .set('Authorization', lars)
        .send(jobSpec())
    ).body;
    const run = await request(server)
      .post(`/api/ingestion/jobs/${job.id}/runs`)
      .set('Authorization', lars);
    expect(run.status).toBe(202);
    expect(run.body).toMatchObject({
      jobId: job.id,
      state: 'queued',
      trigger: 'manual',
      tier: 'draft',
      allocatedCores: 2,
    });
    const runs = await request(server)
      .get(`/api/ingestion/jobs/${job.id}/runs`)
      .set('Authorization', lars);
    expect(runs.body.totalCount).toBe(1);
    const one = await request(server)
      .get(`/api/ingestion/jobs/${job.id}/runs/${run.body.id}`)
      .set('Authorization', lars);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(runs.body.items[0]);
    for (const [who, path] of [
      ['user:default/orla', `${job.id}/runs/${run.body.id}`], // another tenant
      ['user:default/lars', `${job.id}/runs/no-such-run`],
    ]) {
      const missing = await request(server)
        .get(`/api/ingestion/jobs/${path}`)
        .set('Authorization', asUser(who));
      expect(missing.status).toBe(404);
    }

    // A platform admin writes the balance down to zero: new runs of this vCPU-hour job are refused.
    const adjusted = await request(server)
      .post(`/api/ingestion/tenants/${enc(LYRA)}/adjustments`)
      .set('Authorization', asUser('user:default/ada'))
      .send({ hours: -5, note: 'test: balance used elsewhere' });
    expect(adjusted.status).toBe(204);
    const refused = await request(server)
      .post(`/api/ingestion/jobs/${job.id}/runs`)
      .set('Authorization', lars);
    expect(refused.status).toBe(402);
    expect(refused.body.error.message).toMatch(
      /balance of group:default\/team-lyra is used up.*until more vCPU-hours are bought/,
    );
    const newJob = await request(server)
      .post('/api/ingestion/jobs')
      .set('Authorization', lars)
      .send(jobSpec({ name: 'another' }));
    expect(newJob.status).toBe(402);

    await buyHours(server, LYRA, 'user:default/lars', 10);
    const again = await request(server)
      .post(`/api/ingestion/jobs/${job.id}/runs`)
      .set('Authorization', lars);
    expect(again.status).toBe(202);
  });

  it('validates without storing, reporting problems or the admission decision', async () => {
    const { server } = await startIngestionTestBackend();
    const lars = asUser('user:default/lars');
    const noCapacity = await request(server)
      .post('/api/ingestion/jobs/validate')
      .set('Authorization', lars)
      .send(jobSpec());
    expect(noCapacity.body).toMatchObject({
      valid: false,
      admission: { admitted: false, status: 402 },
    });
    await buyHours(server, LYRA, 'user:default/lars', 50);
    const ok = await request(server)
      .post('/api/ingestion/jobs/validate')
      .set('Authorization', lars)
      .send(jobSpec());
    expect(ok.body).toEqual({
      valid: true,
      problems: [],
      pool: 'vcore-hours',
      admission: { admitted: true },
    });
    const bad = await request(server)
      .post('/api/ingestion/jobs/validate')
      .set('Authorization', lars)
      .send({ ...jobSpec(), name: 'X' });
    expect(bad.body.valid).toBe(false);
    expect(bad.body.problems).toContainEqual({
      field: 'name',
      message: expect.stringMatching(/lower-case/),
    });
    expect(
      (
        await request(server)
          .get('/api/ingestion/jobs')
          .set('Authorization', lars)
      ).body.totalCount,
    ).toBe(0);
  });

  it('never returns a password: credentials are refused and only secret names are kept', async () => {
    const { server } = await startIngestionTestBackend();
    const lars = asUser('user:default/lars');
    const planted = 'planted-Secret-9f3c1';
    await buyHours(server, LYRA, 'user:default/lars', 50);
    const withPassword = jobSpec();
    (withPassword.source as any).password = planted;
    const refused = await request(server)
      .post('/api/ingestion/jobs')
      .set('Authorization', lars)
      .send(withPassword);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(
      /source.password credentials are never accepted/,
    );
    expect(JSON.stringify(refused.body)).not.toContain(planted);
    const job = (
      await request(server)
        .post('/api/ingestion/jobs')
        .set('Authorization', lars)
        .send(jobSpec())
    ).body;
    const bodies = await Promise.all(
      [
        `/api/ingestion/jobs/${job.id}`,
        '/api/ingestion/jobs',
        `/api/ingestion/jobs/${job.id}/runs`,
      ].map(path => request(server).get(path).set('Authorization', lars)),
    );
    for (const res of bodies)
      expect(JSON.stringify(res.body)).not.toContain(planted);
  });
});
