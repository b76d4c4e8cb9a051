import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import knexFactory from 'knex';

const repo = resolve(__dirname, '../../../..');

/**
 * For the real-Spark tests: sets up the Spark toolchain, starts the loopback PostgreSQL (both idempotent) and
 * creates `database` afresh with a `shipments` table of `rows` rows. Returns the server's URL.
 */
export async function prepareSparkShipmentsSource(
  database: string,
  rows: number,
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
  await admin.raw(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.raw(`CREATE DATABASE ${database}`);
  await admin.destroy();
  const source = knexFactory({
    client: 'pg',
    connection: `${pgUrl.href}/${database}`,
  });
  await source.raw(
    'CREATE TABLE shipments (id integer PRIMARY KEY, carrier text NOT NULL, weight_kg numeric(8,2) NOT NULL)',
  );
  await source.raw(
    `INSERT INTO shipments SELECT g, (ARRAY['dhl','ups','gls'])[1 + g % 3], (g % 500) / 10.0 FROM generate_series(1, ?) g`,
    [rows],
  );
  await source.destroy();
  return pgUrl;
}
