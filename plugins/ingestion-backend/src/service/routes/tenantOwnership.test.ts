import request from 'supertest';
import {
  asUser,
  startIngestionTestBackend,
  testExecutorModule,
} from '../../__testUtils__/testBackend';
import { TimedTestExecutor } from '../../__testUtils__/TimedTestExecutor';

jest.setTimeout(60_000);

const ORION = 'group:default/team-orion';
const LYRA = 'group:default/team-lyra';
const LARS = asUser('user:default/lars');

/** Lyra's job, reading with `credentialsSecret` and landing in `target`. */
const lyraJob = (credentialsSecret: string, target?: object) => ({
  name: 'orders-to-lake',
  tenant: LYRA,
  source: {
    type: 'postgres',
    host: 'db.internal',
    port: 5432,
    database: 'shop',
    table: 'public.orders',
    credentialsSecret,
  },
  target: target ?? {
    type: 's3',
    path: 's3a://lake/orders',
    format: 'parquet',
  },
  schedule: { type: 'interval', everyMinutes: 60 },
  estimates: { dataVolumeGiB: 1, expectedDurationMinutes: 5, slaMinutes: 30 },
  resources: {
    executorInstances: 1,
    executorCores: 1,
    executorMemoryGiB: 1,
    driverCores: 1,
    driverMemoryGiB: 1,
  },
});

async function backend() {
  const executor = new TimedTestExecutor(TimedTestExecutor.newEngine(), {
    now: () => Date.now(),
    durationMs: 60_000,
    secrets: { [ORION]: ['orion-db', 'superuser-db'], [LYRA]: ['lyra-db'] },
  });
  const started = await startIngestionTestBackend({
    features: [testExecutorModule(executor)],
    config: {
      ingestion: {
        executor: 'timed-test',
        allowLocalTargets: true,
        localTargetRoot: '/srv/lake',
      },
    },
  });
  await request(started.server)
    .post(`/api/ingestion/tenants/${encodeURIComponent(LYRA)}/purchases`)
    .set('Authorization', LARS)
    .send({ unitType: 'vcpu-hours', quantity: 100, period: 'monthly' })
    .expect(201);
  return started;
}

async function jobCount(server: any) {
  const list = await request(server)
    .get('/api/ingestion/jobs')
    .set('Authorization', asUser('user:default/ada'));
  return list.body.totalCount;
}

describe('what a job names belongs to its tenant', () => {
  it('refuses another tenant’s secret at validation and at creation, and accepts its own', async () => {
    const { server } = await backend();
    for (const name of ['orion-db', 'superuser-db', 'nobody-has-this']) {
      const validation = await request(server)
        .post('/api/ingestion/jobs/validate')
        .set('Authorization', LARS)
        .send(lyraJob(name));
      expect(validation.status).toBe(200);
      expect(validation.body).toMatchObject({ valid: false });
      expect(validation.body.problems).toEqual([
        {
          field: 'source.credentialsSecret',
          message: expect.stringContaining(
            `names ${name}, which is not a secret of ${LYRA} in the timed-test executor`,
          ),
        },
      ]);
      const created = await request(server)
        .post('/api/ingestion/jobs')
        .set('Authorization', LARS)
        .send(lyraJob(name));
      expect(created.status).toBe(400);
      expect(created.body.error.message).toMatch(/source.credentialsSecret/);
    }
    expect(await jobCount(server)).toBe(0);
    const own = await request(server)
      .post('/api/ingestion/jobs')
      .set('Authorization', LARS)
      .send(lyraJob('lyra-db'));
    expect(own.status).toBe(201);
  });

  it('keeps local targets inside the tenant’s folder under the configured root', async () => {
    const { server } = await backend();
    const outside = [
      '/root/.ssh/orders',
      '/etc/cron.d/orders',
      '/srv/lake/default/team-orion/orders',
      '/srv/lake/default/team-lyra/../team-orion/orders',
      'relative/orders',
    ];
    for (const path of outside) {
      const res = await request(server)
        .post('/api/ingestion/jobs')
        .set('Authorization', LARS)
        .send(lyraJob('lyra-db', { type: 'local', path, format: 'parquet' }));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/target.path must/);
    }
    expect(await jobCount(server)).toBe(0);
    const inside = await request(server)
      .post('/api/ingestion/jobs')
      .set('Authorization', LARS)
      .send(
        lyraJob('lyra-db', {
          type: 'local',
          path: '/srv/lake/default/team-lyra/orders',
          format: 'parquet',
        }),
      );
    expect(inside.status).toBe(201);
  });
});
