import request from 'supertest';
import {
  asUser,
  startIngestionTestBackend,
  testExecutorModule,
} from '../../__testUtils__/testBackend';
import { TimedTestExecutor } from '../../__testUtils__/TimedTestExecutor';
import { buyVcpuHours, testJobSpec } from '../../__testUtils__/jobSpecs';

jest.setTimeout(60_000);

const ORION = 'group:default/team-orion';
const LYRA = 'group:default/team-lyra';
const LARS = asUser('user:default/lars');

/** Lyra's job, reading with `credentialsSecret` and landing in `target`. */
const lyraJob = (credentialsSecret: string, target?: object) =>
  testJobSpec(LYRA, { source: { credentialsSecret }, target: target as any });

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
  await buyVcpuHours(started.server, LYRA, 'user:default/lars', 100);
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
      '/home/ingestion/.ssh/orders',
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
