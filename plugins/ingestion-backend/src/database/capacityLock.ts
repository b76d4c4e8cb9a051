import { Knex } from 'knex';

/**
 * Runs `fn` in a transaction that holds the Spark Unit registry rows locked, so purchases and registry changes
 * that check capacity are serialised: two concurrent purchases cannot both see the same free units.
 * SQLite needs no lock: it has one writer at a time and the plugin uses a single connection.
 */
export async function withCapacityLock<T>(
  db: Knex,
  fn: (tx: Knex.Transaction) => Promise<T>,
): Promise<T> {
  return db.transaction(async tx => {
    if (!String(db.client.config.client).includes('sqlite')) {
      await tx('spark_unit_allocations').select('tier').forUpdate();
    }
    return fn(tx);
  });
}
