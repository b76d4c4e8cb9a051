import { TestDatabases } from '@backstage/backend-test-utils';

/**
 * The databases store tests run on: SQLite always, and PostgreSQL 15 whenever a server is given through
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (scripts/test.sh starts one and sets it).
 */
export function createTestDatabases() {
  return TestDatabases.create({
    ids: process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
      ? ['POSTGRES_15', 'SQLITE_3']
      : ['SQLITE_3'],
  });
}
