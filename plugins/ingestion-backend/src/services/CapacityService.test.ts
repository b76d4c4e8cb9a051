import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/databases';
import { ConfigReader } from '@backstage/config';
import { Knex } from 'knex';
import { readIngestionConfig } from '../config';
import { DatabaseSparkUnitRegistryStore } from '../database/DatabaseSparkUnitRegistryStore';
import { MIGRATIONS_DIRECTORY } from '../database/migrateDatabase';
import { CapacityService } from './CapacityService';
import { InsufficientBalanceError } from './InsufficientBalanceError';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-01T08:00:00Z');
const LYRA = 'group:default/team-lyra';
const ORION = 'group:default/team-orion';

describe.each(databases.eachSupportedId())(
  'CapacityService (%s)',
  databaseId => {
    let db: Knex;
    let clock: number;
    let sent: Array<{ recipients: any; payload: any }>;

    function service() {
      return new CapacityService({
        db,
        config: readIngestionConfig(new ConfigReader({})),
        logger: mockServices.logger.mock(),
        notifications: { send: async (n: any) => void sent.push(n) },
        signals: { publish: async () => {} },
        now: () => clock,
      });
    }

    beforeEach(async () => {
      db = await databases.init(databaseId);
      await db.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
      // 8 Spark Units of 4 cores in each production namespace.
      await new DatabaseSparkUnitRegistryStore(db).seed(
        { dedicated: 8, 'vcore-hours': 8, draft: 2 },
        'test',
      );
      clock = T0;
      sent = [];
    });

    it('records a purchase with tenant, unit type, quantity, validity and buyer', async () => {
      const purchase = await service().purchase(
        LYRA,
        { unitType: 'vcpu-hours', quantity: 100, period: 'monthly' },
        'user:default/lars',
      );
      expect(purchase).toMatchObject({
        tenant: LYRA,
        unitType: 'vcpu-hours',
        quantity: 100,
        period: 'monthly',
        validFrom: '2026-03-01T08:00:00.000Z',
        validUntil: '2026-04-01T08:00:00.000Z',
        purchasedBy: 'user:default/lars',
      });
      const capacity = await service().capacity(LYRA);
      expect(capacity.vcpuHours).toMatchObject({
        purchasedHours: 100,
        remainingHours: 100,
      });
      expect(capacity.dedicatedUnits).toBe(0);
    });

    it('tracks Dedicated Ingestion Units apart from vCPU-hours and never sells more than the namespace holds', async () => {
      await service().purchase(
        ORION,
        { unitType: 'dedicated-units', quantity: 6, period: 'monthly' },
        'user:default/orla',
      );
      await expect(
        service().purchase(
          LYRA,
          { unitType: 'dedicated-units', quantity: 3, period: 'daily' },
          'user:default/lars',
        ),
      ).rejects.toThrow(/Only 2 Dedicated Ingestion Units are free/);
      expect((await service().capacity(ORION)).dedicatedUnits).toBe(6);
      expect((await service().capacity(ORION)).vcpuHours.purchasedHours).toBe(
        0,
      );
      // Shrinking the dedicated namespace below what is sold is refused; above it is fine.
      await expect(
        service().setSparkUnits('dedicated', 5, 'user:default/ada'),
      ).rejects.toThrow(/6 Dedicated Ingestion Units are sold/);
      const registry = await service().setSparkUnits(
        'dedicated',
        6,
        'user:default/ada',
      );
      expect(registry.totalIngestionUnits).toBe(6 + 8 + 2);
    });

    it('debits a run once however often and after however many restarts its completion is reported', async () => {
      await service().purchase(
        LYRA,
        { unitType: 'vcpu-hours', quantity: 50, period: 'daily' },
        'user:default/lars',
      );
      const run = {
        runId: 'run-42',
        allocatedCores: 6,
        startedAt: T0,
        finishedAt: T0 + HOUR / 2,
        opportunistic: false,
      };
      clock = T0 + HOUR;
      const first = service();
      const reports = await Promise.all(
        [1, 2, 3].map(() =>
          first.recordRunCompletion(LYRA, run, 'vcore-hours'),
        ),
      );
      expect(reports.filter(Boolean)).toHaveLength(1);
      // A new service instance over the same database is a restarted backend.
      expect(
        await service().recordRunCompletion(LYRA, run, 'vcore-hours'),
      ).toBe(false);
      const balance = await service().balance(LYRA);
      expect(balance.remainingHours).toBe(47);
      expect(
        (await service().ledger(LYRA)).filter(e => e.kind === 'run-debit'),
      ).toHaveLength(1);
    });

    it('records opportunistic runs without debiting them, and does not meter dedicated jobs', async () => {
      await service().purchase(
        LYRA,
        { unitType: 'vcpu-hours', quantity: 10, period: 'daily' },
        'user:default/lars',
      );
      const borrowed = {
        runId: 'run-b',
        allocatedCores: 8,
        startedAt: T0,
        finishedAt: T0 + HOUR,
        opportunistic: true,
      };
      expect(
        await service().recordRunCompletion(LYRA, borrowed, 'vcore-hours'),
      ).toBe(true);
      expect(
        await service().recordRunCompletion(
          ORION,
          { ...borrowed, runId: 'run-d' },
          'dedicated',
        ),
      ).toBe(false);
      expect((await service().balance(LYRA)).remainingHours).toBe(10);
      const entries = await service().ledger(LYRA);
      expect(entries.find(e => e.runId === 'run-b')).toMatchObject({
        kind: 'run-debit',
        quantity: 0,
      });
    });

    it('suspends a tenant at zero with a 402 that says what to do, and admits it again after buying', async () => {
      await service().purchase(
        LYRA,
        { unitType: 'vcpu-hours', quantity: 2, period: 'daily' },
        'user:default/lars',
      );
      await service().assertCanConsume(LYRA);
      clock = T0 + HOUR;
      await service().recordRunCompletion(
        LYRA,
        {
          runId: 'r',
          allocatedCores: 4,
          startedAt: T0,
          finishedAt: T0 + HOUR / 2,
          opportunistic: false,
        },
        'vcore-hours',
      );
      const refusal = service().assertCanConsume(LYRA);
      await expect(refusal).rejects.toBeInstanceOf(InsufficientBalanceError);
      await expect(refusal).rejects.toMatchObject({
        statusCode: 402,
        message: expect.stringMatching(/buy|bought/),
      });
      await service().purchase(
        LYRA,
        { unitType: 'vcpu-hours', quantity: 5, period: 'daily' },
        'user:default/lars',
      );
      await expect(service().assertCanConsume(LYRA)).resolves.toBeUndefined();
    });

    it('notifies the tenant group exactly once when the balance crosses 20%, and again after a top-up and a new crossing', async () => {
      await service().purchase(
        LYRA,
        { unitType: 'vcpu-hours', quantity: 100, period: 'monthly' },
        'user:default/lars',
      );
      clock = T0 + 2 * HOUR;
      const runOf = (id: string, cores: number) => ({
        runId: id,
        allocatedCores: cores,
        startedAt: T0,
        finishedAt: T0 + HOUR,
        opportunistic: false,
      });
      await service().recordRunCompletion(LYRA, runOf('a', 70), 'vcore-hours'); // 30% left
      expect(sent).toHaveLength(0);
      await service().recordRunCompletion(LYRA, runOf('b', 12), 'vcore-hours'); // 18% left: crossing
      await service().recordRunCompletion(LYRA, runOf('c', 3), 'vcore-hours'); // 15% left: still below
      await service().evaluateAlerts(LYRA);
      await service().recordExpiries();
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({
        recipients: { type: 'entity', entityRef: LYRA },
        payload: { title: 'vCPU-hour balance below 20%' },
      });

      await service().purchase(
        LYRA,
        { unitType: 'vcpu-hours', quantity: 100, period: 'monthly' },
        'user:default/lars',
      ); // 115/200
      await service().recordRunCompletion(LYRA, runOf('d', 80), 'vcore-hours'); // 35/200 = 17.5%
      expect(sent).toHaveLength(2);
      await service().recordRunCompletion(LYRA, runOf('e', 40), 'vcore-hours'); // exhausted
      expect(sent.map(n => n.payload.severity)).toEqual([
        'high',
        'high',
        'critical',
      ]);
    });

    it('answers a committed adjustment as done even when the alert that follows cannot be sent', async () => {
      const failingNotifications = new CapacityService({
        db,
        config: readIngestionConfig(new ConfigReader({})),
        logger: mockServices.logger.mock(),
        notifications: {
          send: async () => {
            throw new Error('notifications backend unreachable');
          },
        },
        signals: { publish: async () => {} },
        now: () => clock,
      });
      await failingNotifications.purchase(
        LYRA,
        { unitType: 'vcpu-hours', quantity: 100, period: 'monthly' },
        'user:default/lars',
      );
      await expect(
        failingNotifications.adjust(LYRA, -90, 'refund', 'user:default/ada'),
      ).resolves.toBeUndefined();
      const entries = await failingNotifications.ledger(LYRA);
      expect(entries.map(e => e.kind)).toEqual(['purchase', 'adjustment']);
    });

    it('buys once per idempotency key, even when the same request arrives several times at once', async () => {
      const order = {
        unitType: 'vcpu-hours' as const,
        quantity: 40,
        period: 'monthly' as const,
      };
      const answers = await Promise.all(
        Array.from({ length: 5 }, () =>
          service().purchase(LYRA, order, 'user:default/lars', 'click-1'),
        ),
      );
      expect(new Set(answers.map(a => a.id)).size).toBe(1);
      expect(answers.filter(a => !a.replayed)).toHaveLength(1);
      const entries = await service().ledger(LYRA);
      expect(entries.filter(e => e.kind === 'purchase')).toHaveLength(1);

      await expect(
        service().purchase(
          LYRA,
          { ...order, quantity: 400 },
          'user:default/lars',
          'click-1',
        ),
      ).rejects.toThrow(/Idempotency-Key was already used for purchase/);
      // The same key is another tenant's own key.
      const orion = await service().purchase(
        ORION,
        order,
        'user:default/orla',
        'click-1',
      );
      expect(orion.replayed).toBeUndefined();
      expect((await service().capacity(LYRA)).vcpuHours.purchasedHours).toBe(
        40,
      );
    });

    it('stops counting expired hours and records their expiry once', async () => {
      await service().purchase(
        LYRA,
        { unitType: 'vcpu-hours', quantity: 24, period: 'daily' },
        'user:default/lars',
      );
      clock = T0 + 2 * HOUR;
      await service().recordRunCompletion(
        LYRA,
        {
          runId: 'r1',
          allocatedCores: 4,
          startedAt: T0,
          finishedAt: T0 + HOUR,
          opportunistic: false,
        },
        'vcore-hours',
      );
      clock = T0 + 25 * HOUR;
      expect((await service().balance(LYRA)).remainingHours).toBe(0);
      expect(await service().recordExpiries()).toBe(1);
      expect(await service().recordExpiries()).toBe(0);
      const expiry = (await service().ledger(LYRA)).find(
        e => e.kind === 'expiry',
      );
      expect(expiry?.quantity).toBe(-20);
      expect(sent.map(n => n.payload.title)).toEqual([
        'vCPU-hours used up: runs are suspended',
      ]);
      const history = await service().balanceHistory(LYRA, 30);
      expect(history.map(p => p.remainingHours)).toEqual([24, 20, 0, 0]);
    });

    it('refuses vCPU-hours beyond what the vcore-hours namespace can deliver in the period', async () => {
      // 8 units × 4 cores = 32 cores × 24 h = 768 vCPU-hours per day.
      await service().purchase(
        LYRA,
        { unitType: 'vcpu-hours', quantity: 700, period: 'daily' },
        'user:default/lars',
      );
      await expect(
        service().purchase(
          ORION,
          { unitType: 'vcpu-hours', quantity: 100, period: 'daily' },
          'user:default/orla',
        ),
      ).rejects.toThrow(/at most 68 more vCPU-hours/);
    });

    it('refuses to shrink the vcore-hours namespace below the vCPU-hours already sold, and changes nothing', async () => {
      // 700 vCPU-hours over a day need 29.17 cores on average: 8 units of 4 cores, not 7.
      await service().purchase(
        LYRA,
        { unitType: 'vcpu-hours', quantity: 700, period: 'daily' },
        'user:default/lars',
      );
      await expect(
        service().setSparkUnits('vcore-hours', 7, 'user:default/ada'),
      ).rejects.toThrow(
        'Cannot reduce the vcore-hours namespace to 7 Spark Units: the vCPU-hours sold and still valid need 29.17 cores on average at their peak, so it needs at least 8 Spark Units',
      );
      const vcoreHours = (await service().registry()).namespaces.find(
        n => n.tier === 'vcore-hours',
      );
      expect(vcoreHours?.sparkUnits).toBe(8);

      // Once the day's purchase has expired, nothing holds the namespace up.
      clock = T0 + 25 * HOUR;
      const shrunk = await service().setSparkUnits(
        'vcore-hours',
        1,
        'user:default/ada',
      );
      expect(
        shrunk.namespaces.find(n => n.tier === 'vcore-hours')?.sparkUnits,
      ).toBe(1);
    });
  },
);
