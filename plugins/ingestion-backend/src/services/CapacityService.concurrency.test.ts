import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/databases';
import { ConfigReader } from '@backstage/config';
import knexFactory, { Knex } from 'knex';
import { readIngestionConfig } from '../config';
import { DatabaseSparkUnitRegistryStore } from '../database/DatabaseSparkUnitRegistryStore';
import { MIGRATIONS_DIRECTORY } from '../database/migrateDatabase';
import { CapacityService } from './CapacityService';

jest.setTimeout(120_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'concurrent purchases (%s)',
  databaseId => {
    it('never sell more Dedicated Ingestion Units than the dedicated namespace holds', async () => {
      const db = await databases.init(databaseId);
      await db.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
      const capacity = 20;
      await new DatabaseSparkUnitRegistryStore(db).seed(
        { dedicated: capacity, 'vcore-hours': 8, draft: 2 },
        'test',
      );

      // Four backend replicas, each with its own connection pool, buying at the same time.
      const replicas: Knex[] = databaseId.startsWith('POSTGRES')
        ? [1, 2, 3, 4].map(() =>
            knexFactory({
              client: 'pg',
              connection: db.client.config.connection,
              pool: { min: 1, max: 5 },
            }),
          )
        : [db];
      const services = replicas.map(
        replica =>
          new CapacityService({
            db: replica,
            config: readIngestionConfig(new ConfigReader({})),
            logger: mockServices.logger.mock(),
            notifications: { send: async () => {} },
            signals: { publish: async () => {} },
          }),
      );
      const attempts = Array.from({ length: 48 }, (_, i) => ({
        tenant: `group:default/tenant-${i % 12}`,
        quantity: 1 + (i % 3),
      }));
      const outcomes = await Promise.allSettled(
        attempts.map((a, i) =>
          services[i % services.length].purchase(
            a.tenant,
            {
              unitType: 'dedicated-units',
              quantity: a.quantity,
              period: 'monthly',
            },
            'test',
          ),
        ),
      );
      await Promise.all(replicas.filter(r => r !== db).map(r => r.destroy()));

      const accepted = outcomes.filter(o => o.status === 'fulfilled');
      const refused = outcomes.filter(o => o.status === 'rejected');
      const unitsSold = attempts
        .filter((_, i) => outcomes[i].status === 'fulfilled')
        .reduce((n, a) => n + a.quantity, 0);
      // eslint-disable-next-line no-console
      console.log(
        `${databaseId}: ${attempts.length} parallel purchases against ${capacity} Spark Units: ` +
          `${accepted.length} accepted (${unitsSold} units), ${refused.length} refused`,
      );
      expect(unitsSold).toBeLessThanOrEqual(capacity);
      expect(unitsSold).toBeGreaterThanOrEqual(capacity - 2); // refusals only when the remainder is too small
      for (const r of refused) {
        expect((r as PromiseRejectedResult).reason.message).toMatch(
          /Dedicated Ingestion Units are free/,
        );
      }
      const rows = await db('ledger_entries')
        .where({ unit_type: 'dedicated-units' })
        .sum({ total: 'quantity' });
      expect(Number(rows[0].total)).toBe(unitsSold);
    });
  },
);
