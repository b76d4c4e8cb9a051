import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import {
  LocalSparkExecutor,
  readLocalExecutorConfig,
} from '@internal/backstage-plugin-ingestion-backend-module-local-executor';
import { RunSubmission } from '@internal/backstage-plugin-ingestion-node';
import {
  fitDurationModel,
  RunObservation,
} from '../domain/estimator/durationModel';
import { parseEventLog } from '../domain/estimator/taskTimeline';
import { resimulateDuration } from '../domain/estimator/resimulateRun';
import { prepareRealSparkSource } from '../__testUtils__/realSparkSource';

// The estimator against real runs of the ingestion application (spark-submit --master local[N], PostgreSQL source,
// Parquet out): a backtest of the throughput model across data volumes, and the re-simulation of one run's task
// timeline at other core counts. The figures are printed; the bounds asserted are loose, because this machine's
// cores are shared and a run's duration varies with whatever else runs.
jest.setTimeout(30 * 60_000);

const DATABASE = 'ingest_src_estimator';
/** Row counts of the tables the runs read: data generated deterministically by generate_series. */
const VOLUMES = [20_000, 60_000, 120_000, 240_000];
const PARTITIONS = 6;

let workDir: string;
let pgUrl: URL;
let executor: LocalSparkExecutor;

beforeAll(async () => {
  pgUrl = await prepareRealSparkSource(DATABASE, async source => {
    for (const rows of VOLUMES) {
      await source.raw(
        `CREATE TABLE events_${rows} AS
         SELECT g AS id, md5(g::text) AS payload, (g % 977) * 1.5 AS amount,
                timestamp '2025-01-01' + g * interval '1 second' AS created
         FROM generate_series(1, ?) g`,
        [rows],
      );
    }
  });
  workDir = mkdtempSync(join(tmpdir(), 'ingestion-estimator-'));
  executor = new LocalSparkExecutor(
    readLocalExecutorConfig(
      new ConfigReader({
        ingestion: {
          executors: {
            local: {
              workDir,
              maxCores: 4,
              secrets: [
                {
                  tenant: 'group:default/team-orion',
                  name: 'events-db',
                  user: pgUrl.username,
                },
              ],
            },
          },
        },
      }),
      { cwd: __dirname },
    ),
    { logger: mockServices.logger.mock() },
  );
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

interface MeasuredRun extends RunObservation {
  eventLog: string;
}

/** Runs the ingestion application once, reading `rows` rows on `cores` task threads, and waits for its end. */
async function runOnce(rows: number, cores: number): Promise<MeasuredRun> {
  const runId = `est-${rows}-${cores}`;
  const submission: RunSubmission = {
    runId,
    jobId: 'estimator-backtest',
    tenant: 'group:default/team-orion',
    tier: 'vcore-hours',
    namespace: 'ingestion-vcore-hours',
    opportunistic: false,
    // local[N] takes N from executor instances × cores (see the local executor's localResources).
    resources: {
      driverCores: 1,
      driverMemoryMiB: 1024,
      executorCores: 1,
      executorMemoryMiB: 1024,
      executorInstances: cores,
    },
    application: {
      source: {
        type: 'postgres',
        host: pgUrl.hostname,
        port: Number(pgUrl.port),
        database: DATABASE,
        table: `public.events_${rows}`,
        partitionColumn: 'id',
        numPartitions: PARTITIONS,
        credentialsSecret: 'events-db',
      },
      target: {
        type: 'local',
        path: join(workDir, 'lake', runId),
        format: 'parquet',
      },
      watermark: null,
    },
  };
  await executor.submit(submission);
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    const observation = await executor.observe(runId);
    if (observation?.state === 'succeeded') {
      // The event log as the estimator gets it: from the executor that ran the run.
      const eventLog = await executor.readEventLog(runId);
      if (!eventLog) throw new Error(`run ${runId} left no event log`);
      return {
        bytesIn: observation.metrics!.bytesIn,
        cores,
        durationSeconds: observation.metrics!.durationMs / 1000,
        eventLog,
      };
    }
    if (
      observation &&
      observation.state !== 'running' &&
      observation.state !== 'submitted'
    ) {
      throw new Error(
        `run ${runId} ended ${observation.state}: ${observation.message}`,
      );
    }
    if (Date.now() > deadline) throw new Error(`run ${runId} did not finish`);
    await new Promise(r => setTimeout(r, 1000));
  }
}

const percentError = (predicted: number, measured: number) =>
  ((predicted - measured) / measured) * 100;

it('backtests the throughput model on real runs, and re-simulates one run at two other core counts', async () => {
  const atTwoCores: MeasuredRun[] = [];
  for (const rows of VOLUMES) atTwoCores.push(await runOnce(rows, 2));

  // Backtest: fit on every volume but one, predict the one left out.
  const backtest = atTwoCores.map((held, i) => {
    const model = fitDurationModel(atTwoCores.filter((_, j) => j !== i));
    const interval = model.predict(held.bytesIn, held.cores, 0.9);
    return {
      rows: VOLUMES[i],
      bytesIn: held.bytesIn,
      measured: held.durationSeconds,
      predicted: interval.seconds,
      low: interval.lowSeconds,
      high: interval.highSeconds,
      error: percentError(interval.seconds, held.durationSeconds),
    };
  });
  // eslint-disable-next-line no-console
  console.log(
    `backtest (leave one out, local[2], ${PARTITIONS} JDBC partitions):\n${backtest
      .map(
        b =>
          `  ${b.rows} rows (${(b.bytesIn / 1024 / 1024).toFixed(
            1,
          )} MiB): measured ${b.measured.toFixed(
            1,
          )} s, predicted ${b.predicted.toFixed(1)} s [${b.low.toFixed(
            1,
          )}, ${b.high.toFixed(1)}], error ${b.error.toFixed(1)} %`,
      )
      .join('\n')}`,
  );
  // Real runs on a shared 2-core machine are noisy (JVM start-up dominates small runs): the bounds catch a broken
  // model, off by a factor, not the noise; the figures above are what the issue asks to see.
  for (const b of backtest) {
    expect(b.bytesIn).toBeGreaterThan(0);
    expect(Math.abs(b.error)).toBeLessThan(100);
  }

  // Re-simulation: from the largest run at 2 cores, predict 1 and 3 cores, then measure them.
  const recorded = atTwoCores[atTwoCores.length - 1];
  const timeline = parseEventLog(recorded.eventLog);
  expect(timeline.recordedCores).toBe(2);
  expect(timeline.gaps).toEqual([]);
  const rows = VOLUMES[VOLUMES.length - 1];
  const lines: string[] = [];
  const ratios: number[] = [];
  for (const cores of [1, 3]) {
    const predicted = resimulateDuration(timeline, cores) / 1000;
    const measured = (await runOnce(rows, cores)).durationSeconds;
    const error = percentError(predicted, measured);
    lines.push(
      `  local[${cores}]: predicted ${predicted.toFixed(
        1,
      )} s, measured ${measured.toFixed(1)} s, error ${error.toFixed(1)} %`,
    );
    ratios.push(predicted / measured);
  }
  // eslint-disable-next-line no-console
  console.log(
    `re-simulation of one ${rows}-row run recorded at local[2] (${(
      (timeline.appEndMs - timeline.appStartMs) /
      1000
    ).toFixed(1)} s in its event log):\n${lines.join('\n')}`,
  );
  for (const ratio of ratios) {
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(2.5);
  }
});
