import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { tenantLocalFolder } from '../domain/jobs/localTargetFolder';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import localExecutorModule from '@internal/backstage-plugin-ingestion-backend-module-local-executor';
import {
  asUser,
  startIngestionTestBackend,
} from '../__testUtils__/testBackend';
import { prepareSparkShipmentsSource } from '../__testUtils__/sparkShipmentsSource';

// The whole path with real parts: REST API → dispatcher (real scheduler service) → local executor → spark-submit of
// the ingestion application → PostgreSQL source → Parquet folder → metrics back in the runs API.
jest.setTimeout(10 * 60_000);

const DATABASE = 'ingest_src_runs_api';
const ROWS = 2500;
const ORION = 'group:default/team-orion';

let workDir: string;
let pgUrl: URL;

beforeAll(async () => {
  pgUrl = await prepareSparkShipmentsSource(DATABASE, ROWS);
  workDir = mkdtempSync(join(tmpdir(), 'ingestion-runs-api-'));
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

it('runs a job on real Spark and serves the run with its measured metrics', async () => {
  const { server } = await startIngestionTestBackend({
    features: [localExecutorModule, schedulerServiceFactory],
    config: {
      ingestion: {
        executor: 'local-spark',
        allowLocalTargets: true,
        localTargetRoot: join(workDir, 'lake'),
        dispatchIntervalSeconds: 1,
        executors: {
          local: {
            workDir: join(workDir, 'runs'),
            maxCores: 2,
            secrets: [
              { tenant: ORION, name: 'shipments-db', user: pgUrl.username },
            ],
          },
        },
      },
    },
  });
  const orla = asUser('user:default/orla');
  await request(server)
    .post(`/api/ingestion/tenants/${encodeURIComponent(ORION)}/purchases`)
    .set('Authorization', orla)
    .send({ unitType: 'vcpu-hours', quantity: 50, period: 'monthly' })
    .expect(201);
  const job = await request(server)
    .post('/api/ingestion/jobs')
    .set('Authorization', orla)
    .send({
      name: 'shipments',
      tenant: ORION,
      source: {
        type: 'postgres',
        host: pgUrl.hostname,
        port: Number(pgUrl.port),
        database: DATABASE,
        table: 'public.shipments',
        partitionColumn: 'id',
        numPartitions: 2,
        credentialsSecret: 'shipments-db',
      },
      target: {
        type: 'local',
        path: join(
          tenantLocalFolder(join(workDir, 'lake'), ORION),
          'shipments',
        ),
        format: 'parquet',
      },
      schedule: { type: 'cron', expression: '0 4 * * *', timezone: 'UTC' },
      estimates: {
        dataVolumeGiB: 0.01,
        expectedDurationMinutes: 5,
        slaMinutes: 15,
      },
      resources: {
        executorInstances: 1,
        executorCores: 1,
        executorMemoryGiB: 1,
        driverCores: 1,
        driverMemoryGiB: 1,
      },
    });
  expect(job.status).toBe(201);
  const queued = await request(server)
    .post(`/api/ingestion/jobs/${job.body.id}/runs`)
    .set('Authorization', orla);
  expect(queued.status).toBe(202);

  let run: any;
  const deadline = Date.now() + 8 * 60_000;
  while (Date.now() < deadline) {
    const runs = await request(server)
      .get(`/api/ingestion/jobs/${job.body.id}/runs`)
      .set('Authorization', orla);
    run = runs.body.items[0];
    // Finished, and followed up: the server stores the SLA outcome right after the run's last transition.
    if (run.state === 'cancelled' || run.slaMet !== undefined) break;
    await new Promise(r => setTimeout(r, 1000));
  }
  expect(run).toMatchObject({
    state: 'succeeded',
    executor: 'local-spark',
    slaMet: true,
  });
  const { metrics } = run;
  // eslint-disable-next-line no-console
  console.log(`real run ${run.id}: ${JSON.stringify(metrics)}`);
  expect(metrics.recordsIn).toBe(ROWS);
  expect(metrics.recordsOut).toBe(ROWS);
  for (const key of [
    'durationMs',
    'cpuTimeMs',
    'executorRunTimeMs',
    'peakMemoryBytes',
    'bytesIn',
    'bytesOut',
  ]) {
    expect(metrics[key]).toBeGreaterThan(0);
  }
  // Metered: allocated cores × duration left the wallet.
  const balance = await request(server)
    .get(`/api/ingestion/tenants/${encodeURIComponent(ORION)}/balance`)
    .set('Authorization', orla);
  expect(balance.body.remainingHours).toBeLessThan(50);
});
