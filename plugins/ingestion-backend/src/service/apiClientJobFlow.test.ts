import request from 'supertest';
import { startApiClientBackend } from '../__testUtils__/apiClientBackend';
import { buyVcpuHours, testJobSpec } from '../__testUtils__/jobSpecs';
import { testExecutorModule } from '../__testUtils__/testBackend';
import { TimedTestExecutor } from '../__testUtils__/TimedTestExecutor';

/*
 * Another system, as its own code would: it fetches a client-credentials token from the authorization server,
 * creates a job in its tenant, runs it and reads its metrics, all through the REST API. Runs go through the
 * scheduler's dispatcher to the test executor, which reports each run finished with a minute of work.
 */

jest.setTimeout(120_000);

const LYRA = 'group:default/team-lyra';
const ORION = 'group:default/team-orion';
const RUN_MS = 60_000;

describe('an API client creates a job, runs it and reads its metrics', () => {
  it('sees its run counted per job, tenant and namespace, and another tenant’s client sees none of it', async () => {
    // The engine's clock: each dispatcher pass below moves it on by a run's length, so a run submitted on one pass
    // has finished by the next.
    let engineNow = Date.now();
    const executor = new TimedTestExecutor(TimedTestExecutor.newEngine(), {
      now: () => engineNow,
      durationMs: RUN_MS,
      secrets: { [LYRA]: ['shop-db'] },
    });
    const backend = await startApiClientBackend({
      clients: [
        {
          clientId: 'lyra-etl',
          tenant: LYRA,
          scopes: ['ingestion.read', 'ingestion.write'],
        },
        { clientId: 'orion-etl', tenant: ORION, scopes: ['ingestion.read'] },
      ],
      features: [testExecutorModule(executor)],
      config: { ingestion: { executor: 'timed-test' } },
    });
    try {
      const { server, tokenOf } = backend;
      await buyVcpuHours(server, LYRA, 'user:default/lars', 100);
      const api = (path: string) => `/api/ingestion${path}`;
      const auth = { Authorization: `Bearer ${await tokenOf('lyra-etl')}` };
      // Up to a day ahead, past the runs' finish on the engine's clock.
      const range = { to: new Date(engineNow + 86_400_000).toISOString() };

      const job = await request(server)
        .post(api('/jobs'))
        .set(auth)
        .send(testJobSpec(LYRA, { name: 'partner-orders' }))
        .expect(201);
      expect(job.body.createdBy).toBe('api-client:lyra-etl');
      const run = await request(server)
        .post(api(`/jobs/${job.body.id}/runs`))
        .set(auth)
        .expect(202);

      let state = run.body.state;
      for (let tick = 0; tick < 5 && state !== 'succeeded'; tick++) {
        await backend.scheduler.triggerTask('ingestion-dispatcher');
        engineNow += RUN_MS;
        const seen = await request(server)
          .get(api(`/jobs/${job.body.id}/runs/${run.body.id}`))
          .set(auth)
          .expect(200);
        state = seen.body.state;
      }
      expect(state).toBe('succeeded');

      const jobMetrics = await request(server)
        .get(api(`/jobs/${job.body.id}/metrics`))
        .query(range)
        .set(auth)
        .expect(200);
      const { summary } = jobMetrics.body;
      expect(summary.runs).toEqual({
        total: 1,
        succeeded: 1,
        failed: 0,
        timedOut: 0,
        cancelled: 0,
      });
      expect(summary.durationMinutes.max).toBeGreaterThan(0);
      expect(summary.coreHoursAllocated).toBeGreaterThan(0);
      // The test executor reports one second of CPU time.
      expect(summary.coreHoursUsed).toBeCloseTo(1 / 3600, 6);

      const tenantMetrics = await request(server)
        .get(api(`/tenants/${encodeURIComponent(LYRA)}/metrics`))
        .query({ ...range, limit: '10' })
        .set(auth)
        .expect(200);
      expect(
        tenantMetrics.body.jobs.map((j: { jobId: string }) => j.jobId),
      ).toEqual([job.body.id]);
      expect(tenantMetrics.body.summary.vcpuHoursConsumed).toBe(
        summary.vcpuHoursConsumed,
      );

      const tier = (
        await request(server)
          .get(api(`/jobs/${job.body.id}/runs/${run.body.id}`))
          .set(auth)
      ).body.tier;
      const namespace = await request(server)
        .get(api(`/namespaces/${tier}/metrics`))
        .query(range)
        .set(auth)
        .expect(200);
      expect(namespace.body.tenants).toEqual([LYRA]);
      expect(namespace.body.summary.runs.total).toBe(1);
      expect(namespace.body.coreHoursCapacity).toBeGreaterThan(0);

      const orion = { Authorization: `Bearer ${await tokenOf('orion-etl')}` };
      await request(server)
        .get(api(`/jobs/${job.body.id}/metrics`))
        .set(orion)
        .expect(404);
      await request(server)
        .get(api(`/tenants/${encodeURIComponent(LYRA)}/metrics`))
        .set(orion)
        .expect(403);
      const orionNamespace = await request(server)
        .get(api(`/namespaces/${tier}/metrics`))
        .query(range)
        .set(orion)
        .expect(200);
      expect(orionNamespace.body.summary.runs.total).toBe(0);

      const badRange = await request(server)
        .get(api(`/jobs/${job.body.id}/metrics`))
        .query({ from: '2026-01-01T00:00:00Z', to: '2026-06-01T00:00:00Z' })
        .set(auth)
        .expect(400);
      expect(badRange.body.error.message).toBe(
        'the range must be at most 90 days',
      );
      process.stdout.write(
        `\nAPI client lyra-etl: job ${job.body.id} run ${
          run.body.id
        } ${state}; metrics ${JSON.stringify(summary)}\n`,
      );
    } finally {
      await backend.stop();
    }
  });
});
