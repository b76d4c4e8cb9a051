import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import localExecutorModule from '@internal/backstage-plugin-ingestion-backend-module-local-executor';
import { tenantLocalFolder } from '../domain/jobs/localTargetFolder';
import {
  asUser,
  SentMessages,
  startIngestionTestBackend,
} from '../__testUtils__/testBackend';
import { prepareSparkShipmentsSource } from '../__testUtils__/sparkShipmentsSource';
import { buyVcpuHours, testJobSpec } from '../__testUtils__/jobSpecs';

// Lending and reclaim with real parts, from the REST API: vCPU-hours runs are spark-submits of the ingestion
// application that borrow the idle dedicated namespace; a dedicated run arrives and takes the capacity back.
jest.setTimeout(15 * 60_000);

const DATABASE = 'ingest_src_lending';
const ROWS = 1000;
const LYRA = 'group:default/team-lyra'; // vCPU-hours
const ORION = 'group:default/team-orion'; // one Dedicated Ingestion Unit
const lars = asUser('user:default/lars');
const orla = asUser('user:default/orla');
const ada = asUser('user:default/ada');
// A run that holds its cores for about 100 s: PostgreSQL sleeps 0.1 s per row.
const SLOW_QUERY =
  'SELECT s.id, s.carrier, length(pg_sleep(0.1)::text) AS pause FROM public.shipments s';

let workDir: string;
let pgUrl: URL;
let server: any;
let sent: SentMessages;

beforeAll(async () => {
  pgUrl = await prepareSparkShipmentsSource(DATABASE, ROWS);
  workDir = mkdtempSync(join(tmpdir(), 'ingestion-lending-'));
  ({ server, sent } = await startIngestionTestBackend({
    features: [localExecutorModule, schedulerServiceFactory],
    config: {
      ingestion: {
        executor: 'local-spark',
        allowLocalTargets: true,
        localTargetRoot: join(workDir, 'lake'),
        dispatchIntervalSeconds: 1,
        // One run of 2 cores fills a namespace: the shared one holds one run, the dedicated one lends room for one.
        sparkUnit: { cores: 2, memoryGiB: 8 },
        namespaces: {
          dedicated: { initialSparkUnits: 1 },
          'vcore-hours': { initialSparkUnits: 1 },
          draft: { initialSparkUnits: 1 },
        },
        // Lend as soon as the namespace is seen idle twice: the 5 minutes are the domain tests' business.
        lending: { idleMinutes: 0 },
        runTimeLimit: { slaMultiple: 10 },
        executors: {
          local: {
            workDir: join(workDir, 'runs'),
            maxCores: 1,
            secrets: [LYRA, ORION].map(tenant => ({
              tenant,
              name: 'shipments-db',
              user: pgUrl.username,
            })),
          },
        },
      },
    },
  }));
  await buyVcpuHours(server, LYRA, 'user:default/lars', 50);
  await request(server)
    .post(`/api/ingestion/tenants/${encodeURIComponent(ORION)}/purchases`)
    .set('Authorization', orla)
    .send({ unitType: 'dedicated-units', quantity: 1, period: 'monthly' })
    .expect(201);
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** A production job (created, then promoted by a platform admin), run by hand only. */
async function productionJob(
  user: string,
  tenant: string,
  name: string,
  pool: 'dedicated' | 'vcore-hours',
  source: Record<string, unknown>,
): Promise<string> {
  const created = await request(server)
    .post('/api/ingestion/jobs')
    .set('Authorization', user)
    .send({
      ...testJobSpec(tenant, {
        name,
        source: {
          host: pgUrl.hostname,
          port: Number(pgUrl.port),
          database: DATABASE,
          table: undefined,
          credentialsSecret: 'shipments-db',
          ...source,
        },
        target: {
          type: 'local',
          path: join(tenantLocalFolder(join(workDir, 'lake'), tenant), name),
          format: 'parquet',
        },
      }),
      pool,
      schedule: { type: 'cron', expression: '0 4 1 1 *', timezone: 'UTC' },
    });
  expect(created.status).toBe(201);
  await request(server)
    .post(`/api/ingestion/jobs/${created.body.id}/promote`)
    .set('Authorization', ada)
    .expect(200);
  return created.body.id;
}

async function runNow(user: string, jobId: string): Promise<string> {
  const queued = await request(server)
    .post(`/api/ingestion/jobs/${jobId}/runs`)
    .set('Authorization', user);
  expect(queued.status).toBe(202);
  return queued.body.id;
}

async function runs(user: string, jobId: string): Promise<any[]> {
  const { body } = await request(server)
    .get(`/api/ingestion/jobs/${jobId}/runs`)
    .set('Authorization', user);
  return body.items;
}

/** Polls a run every `everyMs` until `done` holds (or 4 minutes pass); returns it. */
async function waitForRun(
  user: string,
  jobId: string,
  runId: string,
  done: (run: any) => boolean,
  everyMs = 1000,
): Promise<any> {
  const deadline = Date.now() + 4 * 60_000;
  for (;;) {
    const run = (await runs(user, jobId)).find(r => r.id === runId);
    if (done(run) || Date.now() > deadline) return run;
    await new Promise(r => setTimeout(r, everyMs));
  }
}

it('lends idle dedicated capacity to a real Spark run and takes it back for a dedicated run', async () => {
  const blocker = await productionJob(lars, LYRA, 'blocker', 'vcore-hours', {
    query: SLOW_QUERY,
  });
  const borrower = await productionJob(lars, LYRA, 'borrower', 'vcore-hours', {
    query: SLOW_QUERY,
  });
  const owner = await productionJob(orla, ORION, 'owner', 'dedicated', {
    table: 'public.shipments',
  });

  // The blocker fills the shared namespace; the borrower finds no room there and borrows the idle dedicated one.
  const blockerRun = await runNow(lars, blocker);
  expect(
    (await waitForRun(lars, blocker, blockerRun, r => r.state === 'running'))
      .state,
  ).toBe('running');
  const borrowerRun = await runNow(lars, borrower);
  const borrowing = await waitForRun(
    lars,
    borrower,
    borrowerRun,
    r => r.state === 'running',
  );
  expect(borrowing).toMatchObject({
    state: 'running',
    opportunistic: true,
    tier: 'vcore-hours',
    namespace: 'ingestion-dedicated',
  });

  // The owner's run arrives while the borrower holds the capacity.
  const asked = Date.now();
  const ownerRun = await runNow(orla, owner);
  const running = await waitForRun(
    orla,
    owner,
    ownerRun,
    r => r.state !== 'queued' && r.state !== 'submitted',
    100,
  );
  const measuredMs = Date.now() - asked;
  expect(running.state).toBe('running');

  const preempted = (await runs(lars, borrower)).find(
    r => r.id === borrowerRun,
  );
  expect(preempted.state).toBe('cancelled');
  expect(preempted.message).toMatch(
    /^preempted after [\d.]+ min on capacity lent by the dedicated namespace, which its owner needed back; not charged, requeued as run /,
  );
  const requeued = (await runs(lars, borrower)).find(r => r.id !== borrowerRun);
  expect(requeued).toMatchObject({ opportunistic: false });
  expect(preempted.message).toContain(requeued.id);
  // Its tenant is notified, with the same reason; platform admins' pages are told to reload.
  expect(sent.notifications).toContainEqual({
    recipients: { type: 'entity', entityRef: LYRA },
    payload: expect.objectContaining({
      title: 'Run of borrower preempted and queued again',
      description: `Run ${borrowerRun} was ${preempted.message}.`,
    }),
  });
  expect(sent.signals).toContainEqual(
    expect.objectContaining({
      channel: 'ingestion:capacity',
      message: { kind: 'utilisation' },
    }),
  );

  // Not charged: the preempted run's debit is zero and names the core-hours it held.
  const { body: ledger } = await request(server)
    .get(`/api/ingestion/tenants/${encodeURIComponent(LYRA)}/ledger`)
    .set('Authorization', lars);
  expect(
    ledger.entries.find((e: any) => e.runId === borrowerRun),
  ).toMatchObject({ kind: 'run-debit', quantity: 0 });

  const { body: audit } = await request(server)
    .get('/api/ingestion/platform/lending/events?hours=1')
    .set('Authorization', ada);
  const reclaim = audit.items.find(
    (e: any) => e.kind === 'reclaim' && e.runId === ownerRun,
  );
  expect(reclaim).toMatchObject({ victims: 1 });
  expect(audit.items.find((e: any) => e.kind === 'preemption')).toMatchObject({
    runId: borrowerRun,
    reclaimedFor: ownerRun,
  });
  // eslint-disable-next-line no-console
  console.log(
    `reclaim on real local Spark: the dedicated run was running ${measuredMs} ms after it was queued (as the API showed it; goal < 5 s, requirement 30 s); audited reclaim time ${reclaim.reclaimMs} ms (queued to spark-submit started)`,
  );

  // Leave nothing running behind.
  for (const [user, jobId, runId] of [
    [lars, blocker, blockerRun],
    [lars, borrower, requeued.id],
    [orla, owner, ownerRun],
  ]) {
    await request(server)
      .post(`/api/ingestion/jobs/${jobId}/runs/${runId}/cancel`)
      .set('Authorization', user);
  }
});
