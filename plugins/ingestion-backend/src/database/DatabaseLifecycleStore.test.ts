import { TestDatabaseId } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/databases';
import { testJobSpec } from '../__testUtils__/storedJobs';
import { DatabaseJobStore } from './DatabaseJobStore';
import { DatabaseLifecycleStore } from './DatabaseLifecycleStore';
import { MIGRATIONS_DIRECTORY } from './migrateDatabase';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const T0 = Date.parse('2026-03-01T08:00:00Z');
const spec = testJobSpec({
  name: 'orders',
  tenant: 'group:default/team-lyra',
  schedule: { type: 'cron', expression: '0 3 * * *', timezone: 'UTC' },
});

async function setUp(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
  const jobs = new DatabaseJobStore(knex);
  await jobs.create({
    id: 'job-orders',
    spec,
    lifecycle: 'production',
    tier: 'vcore-hours',
    by: 'user:default/lars',
    at: T0,
  });
  return { knex, jobs, lifecycle: new DatabaseLifecycleStore(knex) };
}

const sentBack = {
  at: new Date(T0 + 60_000).toISOString(),
  kind: 'sent-back' as const,
  lifecycle: 'draft' as const,
  tier: 'draft' as const,
  by: 'user:default/lars',
  reason: 'Sent back to draft: its resources changed, so it is profiled again',
};

describe.each(databases.eachSupportedId())(
  'DatabaseLifecycleStore (%s)',
  databaseId => {
    it('moves the job, saves the edited spec and adds the step to its timeline together', async () => {
      const { jobs, lifecycle } = await setUp(databaseId);
      const edited = {
        ...spec,
        resources: { ...spec.resources, executorInstances: 3 },
      };
      const moved = await lifecycle.recordStep('job-orders', sentBack, {
        spec: edited,
      });
      expect(moved).toMatchObject({
        lifecycle: 'draft',
        tier: 'draft',
        lifecycleReason: sentBack.reason,
        resources: edited.resources,
      });
      expect(await jobs.get('job-orders')).toEqual(moved);
      expect(await lifecycle.events('job-orders')).toEqual([sentBack]);
    });
  },
);

// The rollback is checked on PostgreSQL: with SQLite in memory, the table renamed away was not always missing
// for the store's write when other store tests had run in the same worker, so the check could not fail there.
const postgres = databases
  .eachSupportedId()
  .filter(([databaseId]) => databaseId === 'POSTGRES_15');
if (postgres.length > 0) {
  describe.each(postgres)('DatabaseLifecycleStore (%s)', databaseId => {
    it('leaves the job as it was when the step cannot be recorded', async () => {
      const { knex, jobs, lifecycle } = await setUp(databaseId);
      const before = await jobs.get('job-orders');
      // The timeline cannot be written: the move must not happen either.
      await knex.schema.renameTable(
        'ingestion_job_lifecycle_events',
        'lifecycle_events_unavailable',
      );
      await expect(
        lifecycle.recordStep('job-orders', sentBack),
      ).rejects.toThrow();
      expect(await jobs.get('job-orders')).toEqual(before);
      await knex.schema.renameTable(
        'lifecycle_events_unavailable',
        'ingestion_job_lifecycle_events',
      );
      expect(await lifecycle.events('job-orders')).toEqual([]);
    });
  });
}
