import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseSparkUnitRegistryStore } from './DatabaseSparkUnitRegistryStore';
import { MIGRATIONS_DIRECTORY } from './migrateDatabase';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'DatabaseSparkUnitRegistryStore (%s)',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
      return { knex, store: new DatabaseSparkUnitRegistryStore(knex) };
    }

    it('seeds missing tiers once and never overwrites a changed allocation', async () => {
      const { store } = await createStore();
      await store.seed({ dedicated: 8, 'vcore-hours': 6, draft: 2 }, 'config');
      await store.setSparkUnits('dedicated', 12, 'user:default/ada');
      await store.seed({ dedicated: 8, 'vcore-hours': 6, draft: 2 }, 'config');

      const rows = await store.list();
      expect(rows.map(r => [r.tier, r.sparkUnits, r.updatedBy])).toEqual([
        ['dedicated', 12, 'user:default/ada'],
        ['draft', 2, 'config'],
        ['vcore-hours', 6, 'config'],
      ]);
      expect(Date.parse(rows[0].updatedAt!)).toBeGreaterThan(
        Date.now() - 60_000,
      );
    });

    it('records every change in the append-only history', async () => {
      const { knex, store } = await createStore();
      await store.setSparkUnits('draft', 1, 'user:default/ada');
      await store.setSparkUnits('draft', 4, 'user:default/ada');
      const history = await knex('spark_unit_allocation_changes')
        .where({ tier: 'draft' })
        .orderBy('id');
      expect(history.map(h => Number(h.spark_units))).toEqual([1, 4]);
    });

    it('migrates down cleanly', async () => {
      const { knex } = await createStore();
      await knex.migrate.rollback({ directory: MIGRATIONS_DIRECTORY }, true);
      expect(await knex.schema.hasTable('spark_unit_allocations')).toBe(false);
    });
  },
);
