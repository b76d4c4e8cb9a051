import { execFileSync } from 'node:child_process';
import path from 'node:path';
import knex, { Knex } from 'knex';
import { findRepoRoot } from '../config/findRepoRoot';

/** The checkout this test runs in: its test-infra scripts and the Spark toolchain they install. */
export const repoRoot = findRepoRoot(__dirname)!;

export const SOURCE_DATABASE = 'ingest_src_local_executor';
export const ORDERS_ROWS = 3000;
/** Seconds slow_orders sleeps per row: 3000 rows take minutes, long enough to catch a run while it copies. */
const SLOW_ROW_SECONDS = 0.05;

/** Links .tools/spark (pyspark 4.1.4 and the jars); about a second when the cache is warm. */
export function prepareSparkToolchain(): void {
  execFileSync(path.join(repoRoot, 'test-infra/spark/setup.sh'), {
    stdio: 'pipe',
    timeout: 15 * 60_000,
  });
}

/** Starts (or finds running) the loopback PostgreSQL 15 of the tests and returns its address. */
export function startPostgres(): { host: string; port: number; user: string } {
  const script = path.join(repoRoot, 'test-infra/services/postgres.sh');
  execFileSync(script, ['start'], { stdio: 'pipe', timeout: 5 * 60_000 });
  const url = new URL(
    execFileSync(script, ['url'], { encoding: 'utf8' }).trim(),
  );
  return { host: url.hostname, port: Number(url.port), user: url.username };
}

/**
 * A fresh source database: `orders` (3000 rows) and `slow_orders`, a view over it that sleeps on every row so a
 * run stays in its copy long enough to be cancelled or adopted.
 */
export async function seedSourceDatabase(server: {
  host: string;
  port: number;
  user: string;
}): Promise<void> {
  const admin = connect(server, 'postgres');
  try {
    await admin.raw(`DROP DATABASE IF EXISTS ${SOURCE_DATABASE} WITH (FORCE)`);
    await admin.raw(`CREATE DATABASE ${SOURCE_DATABASE}`);
  } finally {
    await admin.destroy();
  }
  const db = connect(server, SOURCE_DATABASE);
  try {
    await db.raw(`
      CREATE TABLE orders (
        id integer PRIMARY KEY,
        region text NOT NULL,
        amount numeric(10, 2) NOT NULL,
        created timestamp NOT NULL
      )`);
    await db.raw(
      `INSERT INTO orders
       SELECT g, (ARRAY['eu', 'us', 'apac'])[1 + g % 3], (g * 7 % 1000) / 10.0,
              timestamp '2024-01-01' + g * interval '1 minute'
       FROM generate_series(1, ?) g`,
      [ORDERS_ROWS],
    );
    await db.raw(`
      CREATE FUNCTION slowly(i integer) RETURNS integer LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_sleep(${SLOW_ROW_SECONDS}); RETURN i; END $$`);
    await db.raw(
      `CREATE VIEW slow_orders AS SELECT slowly(id) AS id, region, amount, created FROM orders`,
    );
  } finally {
    await db.destroy();
  }
}

function connect(
  server: { host: string; port: number; user: string },
  database: string,
): Knex {
  return knex({
    client: 'pg',
    connection: { ...server, database },
    pool: { min: 0, max: 1 },
  });
}
