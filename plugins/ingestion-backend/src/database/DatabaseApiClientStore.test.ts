import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseApiClientStore } from './DatabaseApiClientStore';
import { MIGRATIONS_DIRECTORY } from './migrateDatabase';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const T0 = new Date('2026-12-01T08:00:00Z');
const T1 = new Date('2026-12-02T09:30:00Z');

describe.each(databases.eachSupportedId())(
  'DatabaseApiClientStore (%s)',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
      return { knex, store: new DatabaseApiClientStore(knex) };
    }

    const lyraReporting = {
      clientId: 'lyra-reporting',
      tenant: 'group:default/team-lyra',
      scopes: ['ingestion.read' as const],
      description: 'Lyra BI exports',
    };

    it('registers a client once and reads it back as registered', async () => {
      const { store } = await createStore();
      const client = await store.register(
        lyraReporting,
        'user:default/ada',
        T0,
      );
      expect(client).toEqual({
        ...lyraReporting,
        registeredBy: 'user:default/ada',
        registeredAt: T0.toISOString(),
      });
      await expect(
        store.register(
          { ...lyraReporting, tenant: 'group:default/team-orion' },
          'user:default/ada',
          T1,
        ),
      ).rejects.toThrow(/registered already/);
      expect((await store.get('lyra-reporting'))?.tenant).toBe(
        'group:default/team-lyra',
      );
    });

    it('lists per tenant, and keeps the first revocation', async () => {
      const { store } = await createStore();
      await store.register(lyraReporting, 'user:default/ada', T0);
      await store.register(
        {
          clientId: 'orion-etl',
          tenant: 'group:default/team-orion',
          scopes: ['ingestion.read', 'ingestion.write'],
          description: '',
        },
        'user:default/ada',
        T0,
      );
      expect(
        (await store.list({ tenant: 'group:default/team-orion' })).map(c => [
          c.clientId,
          c.scopes,
        ]),
      ).toEqual([['orion-etl', ['ingestion.read', 'ingestion.write']]]);

      const revoked = await store.revoke('orion-etl', 'user:default/ada', T1);
      expect([revoked.revokedBy, revoked.revokedAt]).toEqual([
        'user:default/ada',
        T1.toISOString(),
      ]);
      const again = await store.revoke('orion-etl', 'user:default/zed', T0);
      expect(again.revokedAt).toBe(T1.toISOString());
      expect(
        (await store.list()).map(c => [c.clientId, !!c.revokedAt]),
      ).toEqual([
        ['lyra-reporting', false],
        ['orion-etl', true],
      ]);
      await expect(
        store.revoke('nobody', 'user:default/ada', T1),
      ).rejects.toThrow(/No API client nobody/);
    });

    it('migrates down cleanly', async () => {
      const { knex } = await createStore();
      await knex.migrate.rollback({ directory: MIGRATIONS_DIRECTORY }, true);
      expect(await knex.schema.hasTable('ingestion_api_clients')).toBe(false);
    });
  },
);
