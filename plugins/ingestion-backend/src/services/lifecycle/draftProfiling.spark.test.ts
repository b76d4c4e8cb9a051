import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { tenantLocalFolder } from '../../domain/jobs/localTargetFolder';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import localExecutorModule from '@internal/backstage-plugin-ingestion-backend-module-local-executor';
import {
  asUser,
  SentMessages,
  startIngestionTestBackend,
} from '../../__testUtils__/testBackend';
import { prepareSparkShipmentsSource } from '../../__testUtils__/sparkShipmentsSource';

// Draft profiling with real parts, from the REST API: every run is a spark-submit of the ingestion application
// reading the loopback PostgreSQL; promotion, placement and notices follow from what those runs measured.
jest.setTimeout(15 * 60_000);

const DATABASE = 'ingest_src_profiling';
const ROWS = 2500;
const ORION = 'group:default/team-orion'; // buys vCPU-hours
const VEGA = 'group:default/team-vega'; // buys a Dedicated Ingestion Unit
const orla = asUser('user:default/orla');
const vera = asUser('user:default/vera');

let workDir: string;
let pgUrl: URL;
let server: any;
let sent: SentMessages;

beforeAll(async () => {
  pgUrl = await prepareSparkShipmentsSource(DATABASE, ROWS);
  workDir = mkdtempSync(join(tmpdir(), 'ingestion-profiling-'));
  ({ server, sent } = await startIngestionTestBackend({
    features: [localExecutorModule, schedulerServiceFactory],
    config: {
      ingestion: {
        executor: 'local-spark',
        allowLocalTargets: true,
        localTargetRoot: join(workDir, 'lake'),
        // The slow job must finish over its SLA, not be stopped at the run time limit (tested on its own).
        runTimeLimit: { slaMultiple: 10 },
        dispatchIntervalSeconds: 1,
        executors: {
          local: {
            workDir: join(workDir, 'runs'),
            maxCores: 1,
            secrets: [ORION, VEGA].map(tenant => ({
              tenant,
              name: 'shipments-db',
              user: pgUrl.username,
            })),
          },
        },
      },
    },
  }));
  await request(server)
    .post(`/api/ingestion/tenants/${encodeURIComponent(ORION)}/purchases`)
    .set('Authorization', orla)
    .send({ unitType: 'vcpu-hours', quantity: 50, period: 'monthly' })
    .expect(201);
  await request(server)
    .post(`/api/ingestion/tenants/${encodeURIComponent(VEGA)}/purchases`)
    .set('Authorization', vera)
    .send({ unitType: 'dedicated-units', quantity: 1, period: 'monthly' })
    .expect(201);
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function job(
  name: string,
  tenant: string,
  source: Record<string, unknown>,
  slaMinutes: number,
) {
  return {
    name,
    tenant,
    source: {
      type: 'postgres',
      host: pgUrl.hostname,
      port: Number(pgUrl.port),
      database: DATABASE,
      credentialsSecret: 'shipments-db',
      ...source,
    },
    target: {
      type: 'local',
      path: join(tenantLocalFolder(join(workDir, 'lake'), tenant), name),
      format: 'parquet',
    },
    schedule: { type: 'cron', expression: '0 4 * * *', timezone: 'UTC' },
    estimates: {
      dataVolumeGiB: 0.01,
      expectedDurationMinutes: 1,
      slaMinutes,
    },
    resources: {
      executorInstances: 1,
      executorCores: 1,
      executorMemoryGiB: 1,
      driverCores: 1,
      driverMemoryGiB: 1,
    },
  };
}

async function create(user: string, spec: object): Promise<string> {
  const res = await request(server)
    .post('/api/ingestion/jobs')
    .set('Authorization', user)
    .send(spec);
  expect(res.status).toBe(201);
  return res.body.id;
}

/** Runs a job now and waits for the run to finish and be followed up; returns the run as the API serves it. */
async function runToEnd(user: string, jobId: string): Promise<any> {
  const queued = await request(server)
    .post(`/api/ingestion/jobs/${jobId}/runs`)
    .set('Authorization', user);
  expect(queued.status).toBe(202);
  const deadline = Date.now() + 8 * 60_000;
  for (;;) {
    const { body } = await request(server)
      .get(`/api/ingestion/jobs/${jobId}/runs`)
      .set('Authorization', user);
    const run = body.items.find((r: any) => r.id === queued.body.id);
    const followedUp = run.slaMet !== undefined || run.state === 'cancelled';
    if (followedUp || Date.now() > deadline) return run;
    await new Promise(r => setTimeout(r, 1000));
  }
}

async function getJob(user: string, jobId: string) {
  return (
    await request(server)
      .get(`/api/ingestion/jobs/${jobId}`)
      .set('Authorization', user)
  ).body;
}

it('profiles new jobs on real Spark, promotes them to their pool’s namespace, and keeps an impossible SLA in draft', async () => {
  const shared = await create(
    orla,
    job('shipments', ORION, { table: 'public.shipments' }, 15),
  );
  const dedicated = await create(
    vera,
    job('shipments-dedicated', VEGA, { table: 'public.shipments' }, 15),
  );
  // Sleeps 30 ms per row in the source: about 75 s of reading against an SLA of 1 minute.
  const slow = await create(
    orla,
    job(
      'shipments-slow',
      ORION,
      {
        query:
          'SELECT s.id, s.carrier, length(pg_sleep(0.03)::text) AS pause FROM public.shipments s',
      },
      1,
    ),
  );

  const slowRun = runToEnd(orla, slow);
  for (let i = 1; i <= 3; i++) {
    const [a, b] = await Promise.all([
      runToEnd(orla, shared),
      runToEnd(vera, dedicated),
    ]);
    for (const run of [a, b]) {
      expect(run).toMatchObject({
        state: 'succeeded',
        tier: 'draft',
        namespace: 'ingestion-draft',
        slaMet: true,
        slaOverrun: 0,
      });
      expect(run.efficiency.cpu).toBeGreaterThan(0);
      expect(run.metrics.recordsOut).toBe(ROWS);
    }
    // eslint-disable-next-line no-console
    console.log(
      `draft run ${i}: ${a.metrics.durationMs} ms (vCPU-hours), ${
        b.metrics.durationMs
      } ms (dedicated); efficiency ${JSON.stringify(a.efficiency)}`,
    );
    const lifecycle = i < 3 ? 'draft' : 'production';
    expect((await getJob(orla, shared)).lifecycle).toBe(lifecycle);
    expect((await getJob(vera, dedicated)).lifecycle).toBe(lifecycle);
  }

  expect(await getJob(orla, shared)).toMatchObject({
    lifecycle: 'production',
    tier: 'vcore-hours',
    lifecycleReason:
      'Promoted to vcore-hours after 3 consecutive draft runs within the SLA',
  });
  expect(await getJob(vera, dedicated)).toMatchObject({
    lifecycle: 'production',
    tier: 'dedicated',
  });
  const [production, dedicatedRun] = await Promise.all([
    runToEnd(orla, shared),
    runToEnd(vera, dedicated),
  ]);
  expect(production).toMatchObject({
    state: 'succeeded',
    pool: 'vcore-hours',
    tier: 'vcore-hours',
    namespace: 'ingestion-vcore-hours',
  });
  expect(dedicatedRun).toMatchObject({
    state: 'succeeded',
    pool: 'dedicated',
    tier: 'dedicated',
    namespace: 'ingestion-dedicated',
  });

  const slowOutcome = await slowRun;
  // eslint-disable-next-line no-console
  console.log(
    `impossible SLA: ${slowOutcome.metrics?.durationMs} ms against 60000 ms, overrun ${slowOutcome.slaOverrun}`,
  );
  expect(slowOutcome).toMatchObject({ state: 'succeeded', slaMet: false });
  expect(slowOutcome.slaOverrun).toBeGreaterThan(0.1);
  expect(await getJob(orla, slow)).toMatchObject({ lifecycle: 'draft' });
  const recommendation = sent.notifications.find(
    n =>
      n.payload.title ===
      'shipments-slow: draft run over its SLA, recommended resources',
  );
  expect(recommendation).toMatchObject({
    recipients: { type: 'entity', entityRef: ORION },
    payload: {
      link: '/catalog/default/resource/team-orion-shipments-slow/ingestion',
      description: expect.stringMatching(
        /against an SLA of 1 min .* executor\(s\) × 1 core\(s\)/,
      ),
    },
  });
  // eslint-disable-next-line no-console
  console.log(`notification: ${JSON.stringify(recommendation)}`);
  const health = await request(server)
    .get(`/api/ingestion/jobs/${slow}/health`)
    .set('Authorization', orla);
  expect(health.body.recommendations[0]).toMatchObject({ kind: 'meet-sla' });
});
