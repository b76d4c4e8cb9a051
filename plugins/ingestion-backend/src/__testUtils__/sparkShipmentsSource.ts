import { prepareRealSparkSource } from './realSparkSource';

/**
 * For the real-Spark tests: sets up the Spark toolchain, starts the loopback PostgreSQL (both idempotent) and
 * creates `database` afresh with a `shipments` table of `rows` rows. Returns the server's URL.
 */
export function prepareSparkShipmentsSource(
  database: string,
  rows: number,
): Promise<URL> {
  return prepareRealSparkSource(database, async source => {
    await source.raw(
      'CREATE TABLE shipments (id integer PRIMARY KEY, carrier text NOT NULL, weight_kg numeric(8,2) NOT NULL)',
    );
    await source.raw(
      `INSERT INTO shipments SELECT g, (ARRAY['dhl','ups','gls'])[1 + g % 3], (g % 500) / 10.0 FROM generate_series(1, ?) g`,
      [rows],
    );
  });
}
