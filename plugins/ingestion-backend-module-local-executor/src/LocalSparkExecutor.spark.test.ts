import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  RunObservation,
  RunSubmission,
} from '@internal/backstage-plugin-ingestion-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  liveProcessesOfGroup,
  sparkSubmitJvmsFor,
} from './__testUtils__/sparkProcesses';
import {
  ORDERS_ROWS,
  SOURCE_DATABASE,
  prepareSparkToolchain,
  seedSourceDatabase,
  startPostgres,
} from './__testUtils__/sparkTestEnvironment';
import { readLocalExecutorConfig } from './config/readLocalExecutorConfig';
import { LocalSparkExecutor } from './LocalSparkExecutor';
import { RunState } from './runs/RunState';

/*
 * Real runs: spark-submit of the ingestion application (pyspark 4.1.4, local mode) reading the loopback
 * PostgreSQL 15 into local Parquet folders. Nothing of Spark is mocked. Slow by nature (each run starts a JVM):
 * generous timeouts, and the runs of one test file go one after another.
 */

const RUN_TIMEOUT_MS = 4 * 60_000;
/** Never written anywhere by the executor: the test looks for it in every file of the run's folder. */
const PASSWORD_SENTINEL = `pw-${Math.random()
  .toString(36)
  .slice(2)}-never-in-files`;

let server: { host: string; port: number; user: string };
let workDir: string;
let lake: string;
let executor: LocalSparkExecutor;
const executors: LocalSparkExecutor[] = [];

function newExecutor(): LocalSparkExecutor {
  const config = new ConfigReader({
    ingestion: {
      executors: {
        local: {
          workDir,
          maxCores: 2,
          cancelGraceMs: 2000,
          secrets: [
            {
              tenant: 'group:default/team-a',
              name: 'orders-db',
              user: server.user,
              password: PASSWORD_SENTINEL,
            },
          ],
        },
      },
    },
  });
  const created = new LocalSparkExecutor(
    readLocalExecutorConfig(config, { cwd: __dirname }),
    { logger: mockServices.logger.mock() },
  );
  executors.push(created);
  return created;
}

function submission(
  runId: string,
  source: Record<string, unknown> = {},
): RunSubmission {
  return {
    runId,
    jobId: 'orders-hourly',
    tenant: 'group:default/team-a',
    tier: 'dedicated',
    namespace: 'ingest-dedicated',
    opportunistic: false,
    resources: {
      driverCores: 1,
      driverMemoryMiB: 1024,
      executorCores: 2,
      executorMemoryMiB: 1024,
      executorInstances: 1,
    },
    application: {
      source: {
        type: 'postgres',
        host: server.host,
        port: server.port,
        database: SOURCE_DATABASE,
        table: 'orders',
        partitionColumn: 'id',
        numPartitions: 2,
        credentialsSecret: 'orders-db',
        ...source,
      },
      target: {
        type: 'local',
        path: path.join(lake, 'orders'),
        format: 'parquet',
        partitionBy: ['region'],
      },
      watermark: null,
    },
  };
}

const runFolder = (runId: string) => path.join(workDir, 'runs', runId);
const readState = (runId: string): RunState =>
  JSON.parse(
    fs.readFileSync(path.join(runFolder(runId), 'state.json'), 'utf8'),
  );

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = RUN_TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

const FINAL = ['succeeded', 'failed', 'cancelled'];
async function waitForFinal(
  on: LocalSparkExecutor,
  runId: string,
): Promise<RunObservation> {
  return waitFor(`run ${runId} to finish`, async () => {
    const observation = await on.observe(runId);
    return observation && FINAL.includes(observation.state)
      ? observation
      : undefined;
  });
}

/** The run's copy job has started: its event log (still .inprogress) records a job of group ingest-copy. */
function copyJobStarted(runId: string): boolean {
  const events = path.join(runFolder(runId), 'events');
  const logs = fs.existsSync(events) ? fs.readdirSync(events) : [];
  return logs.some(name =>
    fs
      .readFileSync(path.join(events, name), 'utf8')
      .split('\n')
      .some(
        line =>
          line.includes('"SparkListenerJobStart"') &&
          line.includes('"ingest-copy"'),
      ),
  );
}

/**
 * Waits until the run is in the middle of its copy (Spark up, the copy job reading the slow view), with the JVM
 * and the Python driver it started both alive in the run's process group.
 */
async function waitForSparkProcesses(on: LocalSparkExecutor, runId: string) {
  return waitFor(`run ${runId}'s Spark processes`, async () => {
    if (
      (await on.observe(runId))?.state !== 'running' ||
      !copyJobStarted(runId)
    ) {
      return undefined;
    }
    const { pgid } = readState(runId);
    const members = liveProcessesOfGroup(pgid!);
    const isJvm = (p: { args: string }) =>
      p.args.includes('org.apache.spark.deploy.SparkSubmit');
    const jvm = members.some(isJvm);
    const python = members.some(
      p => !isJvm(p) && p.args.includes('ingestion_app/main.py'),
    );
    return jvm && python ? { pgid: pgid!, members } : undefined;
  });
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

beforeAll(async () => {
  prepareSparkToolchain();
  server = startPostgres();
  await seedSourceDatabase(server);
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-executor-test-'));
  lake = path.join(workDir, 'lake');
  executor = newExecutor();
}, 15 * 60_000);

afterAll(async () => {
  // Whatever a failed test left running must not outlive the test run.
  for (const each of executors) {
    for (const run of await each.listActive()) {
      await each.cancel(run.runId);
    }
  }
  fs.rmSync(workDir, { recursive: true, force: true });
}, 60_000);

describe('LocalSparkExecutor with real Spark and PostgreSQL', () => {
  let firstRunId: string | undefined;

  it(
    'copies a PostgreSQL table to local Parquet and reports the run with real metrics',
    async () => {
      const timings: number[] = [];
      for (const runId of ['copy-cold', 'copy-warm']) {
        const started = Date.now();
        await executor.submit(submission(runId));
        expect((await executor.observe(runId))?.state).toMatch(
          /submitted|running/,
        );
        const done = await waitForFinal(executor, runId);
        timings.push(Date.now() - started);

        expect(done).toMatchObject({
          runId,
          state: 'succeeded',
          watermark: null,
        });
        expect(done.message).toBeUndefined();
        const metrics = done.metrics!;
        expect(metrics.recordsIn).toBe(ORDERS_ROWS);
        expect(metrics.recordsOut).toBe(ORDERS_ROWS);
        expect(metrics.cpuTimeMs).toBeGreaterThan(0);
        expect(metrics.executorRunTimeMs).toBeGreaterThan(0);
        expect(metrics.peakMemoryBytes).toBeGreaterThan(0);
        expect(metrics.bytesIn).toBeGreaterThan(0);
        expect(metrics.bytesOut).toBeGreaterThan(0);
        expect(metrics.durationMs).toBeGreaterThan(0);
        expect(Date.parse(done.finishedAt!)).toBeGreaterThanOrEqual(
          Date.parse(done.startedAt!),
        );

        // The metrics agree with what the application published.
        const result = JSON.parse(
          fs.readFileSync(path.join(runFolder(runId), 'result.json'), 'utf8'),
        );
        expect(metrics.bytesOut).toBe(result.bytesOut);
        expect(metrics.bytesIn).toBe(result.bytesIn);
        const published = path.join(lake, 'orders', `run_id=${runId}`);
        const marker = JSON.parse(
          fs.readFileSync(path.join(published, '_SUCCESS'), 'utf8'),
        );
        expect(marker).toMatchObject({ runId, rows: ORDERS_ROWS });
        expect(
          filesUnder(published).filter(f => f.endsWith('.parquet')).length,
        ).toBeGreaterThan(0);

        // Secrets reach Spark through the environment only: job.json names no secret and no file holds the password.
        const job = JSON.parse(
          fs.readFileSync(path.join(runFolder(runId), 'job.json'), 'utf8'),
        );
        expect(job).toEqual({
          jobId: 'orders-hourly',
          runId,
          source: {
            type: 'postgres',
            host: server.host,
            port: server.port,
            database: SOURCE_DATABASE,
            table: 'orders',
            partitionColumn: 'id',
            numPartitions: 2,
          },
          target: {
            type: 'local',
            path: path.join(lake, 'orders'),
            format: 'parquet',
            partitionBy: ['region'],
          },
          watermark: null,
        });
        for (const file of filesUnder(runFolder(runId))) {
          expect([
            file,
            fs.readFileSync(file, 'latin1').includes(PASSWORD_SENTINEL),
          ]).toEqual([file, false]);
        }
      }
      firstRunId = 'copy-cold';
      // eslint-disable-next-line no-console
      console.log(
        `local Spark run, submit to succeeded: first ${timings[0]} ms, second ${timings[1]} ms`,
      );
    },
    2 * RUN_TIMEOUT_MS,
  );

  it(
    'fails a run whose table is missing with the application message',
    async () => {
      await executor.submit(
        submission('missing-table', { table: 'no_such_table' }),
      );
      const done = await waitForFinal(executor, 'missing-table');
      expect(done.state).toBe('failed');
      expect(done.message).toContain(
        `reading postgres source ${server.host}:${server.port}/${SOURCE_DATABASE} (table no_such_table)`,
      );
      expect(done.message).toContain('"no_such_table" does not exist');
      expect(
        fs.existsSync(path.join(lake, 'orders', 'run_id=missing-table')),
      ).toBe(false);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'fails a run whose secret is not configured before starting Spark, naming the secret',
    async () => {
      await executor.submit(
        submission('missing-secret', {
          credentialsSecret: 'nobody-configured-this',
        }),
      );
      const done = await executor.observe('missing-secret');
      expect(done).toMatchObject({ runId: 'missing-secret', state: 'failed' });
      expect(done!.message).toBe(
        'secret nobody-configured-this (source.credentialsSecret) is not configured for group:default/team-a in the local executor: add { tenant: group:default/team-a, name: nobody-configured-this } to ingestion.executors.local.secrets',
      );
      expect(readState('missing-secret').pid).toBeUndefined();
      expect(
        fs.existsSync(path.join(runFolder('missing-secret'), 'job.json')),
      ).toBe(false);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'cancels a running run: every Spark process of it is gone within 5 seconds',
    async () => {
      await executor.submit(
        submission('cancel-me', {
          table: 'slow_orders',
          partitionColumn: undefined,
          numPartitions: undefined,
        }),
      );
      const { pgid, members } = await waitForSparkProcesses(
        executor,
        'cancel-me',
      );
      expect(members.length).toBeGreaterThanOrEqual(2);

      const started = Date.now();
      await executor.cancel('cancel-me');
      const cancelReturnedMs = Date.now() - started;
      const goneMs = (await waitFor(
        `group ${pgid} to be empty`,
        () =>
          liveProcessesOfGroup(pgid).length === 0
            ? Date.now() - started
            : undefined,
        10_000,
      )) as number;
      // eslint-disable-next-line no-console
      console.log(
        `cancel: ${members.length} processes of group ${pgid} gone after ${goneMs} ms (cancel() returned after ${cancelReturnedMs} ms)`,
      );
      expect(goneMs).toBeLessThan(5000);
      expect(liveProcessesOfGroup(pgid)).toEqual([]);

      expect(await executor.observe('cancel-me')).toMatchObject({
        state: 'cancelled',
      });
      await executor.cancel('cancel-me'); // idempotent
      expect(await executor.observe('cancel-me')).toMatchObject({
        state: 'cancelled',
      });
      expect(fs.existsSync(path.join(lake, 'orders', 'run_id=cancel-me'))).toBe(
        false,
      );
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'starts one spark-submit for a run id submitted twice',
    async () => {
      const run = submission('twice', {
        table: 'slow_orders',
        partitionColumn: undefined,
        numPartitions: undefined,
      });
      await Promise.all([executor.submit(run), executor.submit(run)]);
      await executor.submit(run);
      await waitForSparkProcesses(executor, 'twice');
      const jobFile = path.join(runFolder('twice'), 'job.json');
      expect(sparkSubmitJvmsFor(jobFile)).toHaveLength(1);
      await executor.cancel('twice');
      expect(sparkSubmitJvmsFor(jobFile)).toHaveLength(0);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'lets a new executor over the same work dir adopt running and finished runs',
    async () => {
      const run = submission('adopt-me', {
        table: 'slow_orders',
        partitionColumn: undefined,
        numPartitions: undefined,
      });
      await executor.submit(run);
      const { pgid } = await waitForSparkProcesses(executor, 'adopt-me');
      const jobFile = path.join(runFolder('adopt-me'), 'job.json');

      const restarted = newExecutor();
      const listed = await restarted.listActive();
      const byId = new Map(listed.map(o => [o.runId, o]));
      expect(byId.get('adopt-me')).toMatchObject({ state: 'running' });
      expect(byId.get(firstRunId!)).toMatchObject({ state: 'succeeded' });
      expect(byId.get(firstRunId!)?.metrics?.recordsOut).toBe(ORDERS_ROWS);
      expect(byId.get('missing-table')).toMatchObject({ state: 'failed' });
      expect(byId.get('cancel-me')).toMatchObject({ state: 'cancelled' });

      // Adoption without duplicates: resubmitting after the restart does not start the run again.
      await restarted.submit(run);
      expect(sparkSubmitJvmsFor(jobFile)).toHaveLength(1);

      // The adopted process is the new executor's to cancel.
      await restarted.cancel('adopt-me');
      expect(liveProcessesOfGroup(pgid)).toEqual([]);
      expect(await restarted.observe('adopt-me')).toMatchObject({
        state: 'cancelled',
      });
      expect(await executor.observe('adopt-me')).toMatchObject({
        state: 'cancelled',
      });
    },
    RUN_TIMEOUT_MS,
  );
});
