import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import knexFactory, { Knex } from 'knex';

const repo = resolve(__dirname, '../../../..');

/**
 * For tests with real Spark runs: links the Spark toolchain, starts (or finds) the loopback PostgreSQL 15 of the
 * tests, creates `database` afresh and lets `seed` fill it. Returns the server's address.
 */
export async function prepareRealSparkSource(
  database: string,
  seed: (source: Knex) => Promise<void>,
): Promise<URL> {
  execFileSync(join(repo, 'test-infra/spark/setup.sh'), {
    stdio: 'pipe',
    timeout: 15 * 60_000,
  });
  const postgres = join(repo, 'test-infra/services/postgres.sh');
  execFileSync(postgres, ['start'], { stdio: 'pipe', timeout: 5 * 60_000 });
  const pgUrl = new URL(
    execFileSync(postgres, ['url'], { encoding: 'utf8' }).trim(),
  );
  const admin = knexFactory({
    client: 'pg',
    connection: `${pgUrl.href}/postgres`,
  });
  try {
    await admin.raw(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.raw(`CREATE DATABASE ${database}`);
  } finally {
    await admin.destroy();
  }
  const source = knexFactory({
    client: 'pg',
    connection: `${pgUrl.href}/${database}`,
  });
  try {
    await seed(source);
  } finally {
    await source.destroy();
  }
  return pgUrl;
}
