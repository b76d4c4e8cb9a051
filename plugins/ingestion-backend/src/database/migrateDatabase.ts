import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@internal/backstage-plugin-ingestion-backend',
  'migrations',
);

/** Opens the plugin's database and brings its schema to the latest migration (unless migrations are skipped). */
export async function migrateDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}

/** For tests of migrations themselves. */
export const MIGRATIONS_DIRECTORY = migrationsDir;
