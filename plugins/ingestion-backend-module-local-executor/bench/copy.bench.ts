import { ConfigReader } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knex from 'knex';
import { LocalSparkExecutor } from '../src/LocalSparkExecutor';
import { readLocalExecutorConfig } from '../src/config/readLocalExecutorConfig';
import { selectJars } from '../src/spark/selectJars';
import {
  prepareSparkToolchain,
  repoRoot,
  startPostgres,
} from '../src/__testUtils__/sparkTestEnvironment';

const ROWS = Number(process.env.BENCH_ROWS ?? 3_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CORES = 2;
const PARTITIONS = 2;
const DATABASE = 'ingest_bench';
const TABLE = 'orders_bench';

/** Warnings and errors only: the executor's progress lines would drown the figures. */
const quietLogger: LoggerService = {
  debug: () => {},
  info: () => {},
  warn: message => console.warn(message),
  error: message => console.error(message),
  child: () => quietLogger,
};

async function seed(server: { host: string; port: number; user: string }) {
  const admin = knex({
    client: 'pg',
    connection: { ...server, database: 'postgres' },
  });
  const exists = await admin.raw(
    'SELECT 1 FROM pg_database WHERE datname = ?',
    [DATABASE],
  );
  if (exists.rows.length === 0) await admin.raw(`CREATE DATABASE ${DATABASE}`);
  await admin.destroy();
  const db = knex({
    client: 'pg',
    connection: { ...server, database: DATABASE },
  });
  const count = await db.raw(
    `SELECT count(*)::bigint AS n FROM information_schema.tables WHERE table_name = '${TABLE}'`,
  );
  const rows =
    Number(count.rows[0].n) > 0
      ? Number((await db.raw(`SELECT count(*) AS n FROM ${TABLE}`)).rows[0].n)
      : 0;
  if (rows !== ROWS) {
    await db.raw(`DROP TABLE IF EXISTS ${TABLE}`);
    await db.raw(
      `CREATE TABLE ${TABLE} AS SELECT g AS id, 'customer-' || (g % 5000) AS customer,
         (g % 100000) / 100.0 AS amount, timestamp '2024-01-01' + g * interval '1 second' AS created
       FROM generate_series(1, ${ROWS}) g`,
    );
  }
  await db.destroy();
}

async function productCopy(
  server: { host: string; port: number },
  out: string,
  round: number,
): Promise<{ wallMs: number; processMs?: number }> {
  const options = readLocalExecutorConfig(
    new ConfigReader({
      ingestion: {
        executors: {
          local: {
            workDir: path.join(out, 'work'),
            secrets: [
              {
                tenant: 'group:default/bench',
                name: 'bench',
                user: 'postgres',
              },
            ],
          },
        },
      },
    }),
    { cpus: CORES },
  );
  const executor = new LocalSparkExecutor(options, {
    logger: quietLogger,
  });
  const runId = `bench-${Date.now()}`;
  const started = Date.now();
  await executor.submit({
    runId,
    jobId: 'bench',
    tenant: 'group:default/bench',
    tier: 'dedicated',
    namespace: 'bench',
    opportunistic: false,
    resources: {
      driverCores: 1,
      driverMemoryMiB: 2048,
      executorCores: 1,
      executorMemoryMiB: 1024,
      executorInstances: CORES,
    },
    application: {
      source: {
        type: 'postgres',
        host: server.host,
        port: server.port,
        database: DATABASE,
        table: TABLE,
        partitionColumn: 'id',
        numPartitions: PARTITIONS,
        credentialsSecret: 'bench',
      },
      target: {
        type: 'local',
        path: path.join(out, `product-${round}`),
        format: 'parquet',
      },
      watermark: null,
    },
  });
  for (;;) {
    const seen = await executor.observe(runId);
    if (seen && ['succeeded', 'failed', 'cancelled'].includes(seen.state)) {
      if (seen.state !== 'succeeded')
        throw new Error(`product run ${seen.state}: ${seen.message}`);
      return {
        wallMs: Date.now() - started,
        processMs:
          seen.startedAt && seen.finishedAt
            ? Date.parse(seen.finishedAt) - Date.parse(seen.startedAt)
            : undefined,
      };
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

function bareCopy(
  server: { host: string; port: number },
  out: string,
  round: number,
): number {
  const options = readLocalExecutorConfig(new ConfigReader({}), {
    cpus: CORES,
  });
  const jars = selectJars(fs.readdirSync(options.jarsDir), {
    sourceType: 'postgres',
    targetType: 'local',
  }).map(name => path.join(options.jarsDir, name));
  const started = Date.now();
  execFileSync(
    options.sparkSubmit,
    [
      '--master',
      `local[${CORES}]`,
      '--driver-memory',
      '2048m',
      '--jars',
      jars.join(','),
      '--conf',
      'spark.ui.enabled=false',
      path.join(__dirname, 'bare_copy.py'),
      `jdbc:postgresql://${server.host}:${server.port}/${DATABASE}`,
      TABLE,
      'id',
      '1',
      String(ROWS),
      String(PARTITIONS),
      path.join(out, `bare-${round}`),
    ],
    {
      stdio: 'ignore',
      env: {
        ...process.env,
        PYSPARK_PYTHON: options.python,
        SPARK_LOCAL_IP: '127.0.0.1',
      },
    },
  );
  return Date.now() - started;
}

async function main() {
  prepareSparkToolchain();
  const server = startPostgres();
  await seed(server);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'copy-bench-'));
  try {
    const rate = (ms: number) => Math.round(ROWS / (ms / 1000));
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `copy of ${ROWS} PostgreSQL rows to local Parquet, local[${CORES}], ${PARTITIONS} partitions, ${ROUNDS} rounds (${path.relative(
        repoRoot,
        __dirname,
      )})`,
    );
    // Rounds alternate bare and product, so that what else the machine does weighs on both alike.
    const ratios: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const bareMs = bareCopy(server, out, round);
      const product = await productCopy(server, out, round);
      ratios.push(product.wallMs / bareMs);
      const processNote =
        product.processMs !== undefined
          ? ` (spark-submit process ${seconds(product.processMs)})`
          : '';
      console.log(
        `round ${round}: bare ${seconds(bareMs)} ${rate(
          bareMs,
        )} rows/s, product ${seconds(product.wallMs)} ${rate(
          product.wallMs,
        )} rows/s${processNote}, ratio ${ratios[round - 1].toFixed(2)}x`,
      );
    }
    const sorted = [...ratios].sort((a, b) => a - b);
    console.log(
      `ratio product/bare: median ${sorted[
        Math.floor((sorted.length - 1) / 2)
      ].toFixed(2)}x (min ${sorted[0].toFixed(2)}x, max ${sorted[
        sorted.length - 1
      ].toFixed(2)}x)`,
    );
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
