import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseLendingAuditStore } from './DatabaseLendingAuditStore';
import { MIGRATIONS_DIRECTORY } from './migrateDatabase';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const T0 = Date.parse('2026-03-02T10:00:00Z');
const LYRA = 'group:default/team-lyra';
const VEGA = 'group:default/team-vega';

describe.each(databases.eachSupportedId())(
  'DatabaseLendingAuditStore (%s)',
  databaseId => {
    async function setUp() {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
      return new DatabaseLendingAuditStore(knex);
    }

    it('keeps a loan, its end and the core-hours it held, once per run', async () => {
      const store = await setUp();
      const loan = {
        runId: 'r1',
        tenant: LYRA,
        cores: 2,
        memoryMiB: 4096,
        at: T0,
      };
      await store.recordLoan(loan);
      await store.recordLoan({ ...loan, at: T0 + 5000 });
      await store.recordLoanEnded('r1', T0 + 1_800_000, 1);
      await store.recordLoanEnded('r1', T0 + 3_600_000, 2);
      expect(await store.list({ from: T0, to: T0 + 1, limit: 10 })).toEqual([
        {
          kind: 'loan',
          runId: 'r1',
          tenant: LYRA,
          cores: 2,
          memoryMiB: 4096,
          occurredAt: '2026-03-02T10:00:00.000Z',
          endedAt: '2026-03-02T10:30:00.000Z',
          coreHours: 1,
        },
      ]);
    });

    it('times a reclaim from asking to running, with the preemption it caused', async () => {
      const store = await setUp();
      await store.recordPreemption({
        runId: 'r1',
        tenant: LYRA,
        cores: 2,
        memoryMiB: 4096,
        at: T0 + 2000,
        reclaimedFor: 'd1',
        requeuedAs: 'r2',
      });
      await store.recordReclaim({
        runId: 'd1',
        tenant: VEGA,
        cores: 4,
        memoryMiB: 8192,
        at: T0 + 2500,
        requestedAt: T0,
        victims: 1,
      });
      await store.recordReclaimRunning('d1', T0 + 4200);
      await store.recordReclaimRunning('d1', T0 + 9000);
      const events = await store.list({ from: T0, to: T0 + 60_000, limit: 10 });
      expect(events).toEqual([
        expect.objectContaining({
          kind: 'preemption',
          runId: 'r1',
          reclaimedFor: 'd1',
          requeuedAs: 'r2',
        }),
        expect.objectContaining({
          kind: 'reclaim',
          runId: 'd1',
          tenant: VEGA,
          requestedAt: '2026-03-02T10:00:00.000Z',
          runningAt: '2026-03-02T10:00:04.200Z',
          victims: 1,
          reclaimMs: 4200,
        }),
      ]);
    });

    it('lists only the period asked for, up to the limit', async () => {
      const store = await setUp();
      for (let i = 0; i < 5; i++) {
        await store.recordLoan({
          runId: `r${i}`,
          tenant: LYRA,
          cores: 1,
          memoryMiB: 1024,
          at: T0 + i * 60_000,
        });
      }
      const listed = await store.list({
        from: T0 + 60_000,
        to: T0 + 4 * 60_000,
        limit: 2,
      });
      expect(listed.map(e => e.runId)).toEqual(['r1', 'r2']);
    });

    it('keeps the idle window across restarts, and clears it', async () => {
      const store = await setUp();
      expect(await store.idleSince()).toBeNull();
      await store.setIdleSince(T0);
      expect(await store.idleSince()).toBe(T0);
      await store.setIdleSince(null);
      expect(await store.idleSince()).toBeNull();
      await store.setIdleSince(T0 + 1000);
      expect(await store.idleSince()).toBe(T0 + 1000);
    });
  },
);
