import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import { EventsService } from '@backstage/plugin-events-node';
import { INGESTION_REGISTRY_EVENTS_TOPIC } from '@internal/backstage-plugin-ingestion-node';
import {
  BalancePoint,
  NamespaceTier,
  Purchase,
  PurchaseRequest,
  RegistrySnapshot,
  TenantCapacity,
  VcpuHourBalance,
  UnitType,
} from '@internal/backstage-plugin-ingestion-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { IngestionConfig } from '../config';
import { DatabaseLedgerStore } from '../database/DatabaseLedgerStore';
import { DatabaseSparkUnitRegistryStore } from '../database/DatabaseSparkUnitRegistryStore';
import { withCapacityLock } from '../database/capacityLock';
import { StoredLedgerEntry } from '../database/LedgerStore';
import { decideBalanceAlerts } from '../domain/ledger/balanceAlerts';
import { HOUR_MS, isValidAt, LedgerFact } from '../domain/ledger/ledgerFacts';
import {
  checkDedicatedUnits,
  checkVcpuHours,
  validatePurchase,
} from '../domain/ledger/purchaseRules';
import {
  MeteredRun,
  coreHoursHeld,
  runDebitKey,
  vcpuHoursOf,
} from '../domain/ledger/runDebit';
import {
  consumptionRatePerHour,
  estimateDepletion,
  replayVcpuHourWallet,
  vcpuHourWalletAt,
} from '../domain/ledger/vcpuHourBalance';
import { deriveRegistrySnapshot } from '../domain/capacity/sparkUnitRegistry';
import { checkRegistryChange } from '../domain/capacity/registryChange';
import { InsufficientBalanceError } from './InsufficientBalanceError';
import { IdempotencyKeyReusedError } from './IdempotencyKeyReusedError';

/** Signal channel on which registry and balance changes are pushed to open pages. */
export const CAPACITY_SIGNAL_CHANNEL = 'ingestion:capacity';

function toFact(entry: StoredLedgerEntry): LedgerFact {
  return {
    kind: entry.kind,
    unitType: entry.unitType,
    quantity: entry.quantity,
    occurredAt: Date.parse(entry.occurredAt),
    ...(entry.validFrom && { validFrom: Date.parse(entry.validFrom) }),
    ...(entry.validUntil && { validUntil: Date.parse(entry.validUntil) }),
  };
}

const claimOf = (p: Purchase) => ({
  quantity: p.quantity,
  validFrom: Date.parse(p.validFrom),
  validUntil: Date.parse(p.validUntil),
});

/** The purchase an idempotency key was first used for, if the repeated request asks for the same thing. */
function replayedPurchase(
  earlier: Purchase,
  request: PurchaseRequest,
): Purchase & { replayed: true } {
  const same =
    earlier.unitType === request.unitType &&
    earlier.quantity === request.quantity &&
    earlier.period === request.period &&
    (request.validFrom === undefined ||
      Date.parse(request.validFrom) === Date.parse(earlier.validFrom));
  if (!same) {
    throw new IdempotencyKeyReusedError(
      `Idempotency-Key was already used for purchase ${earlier.id} (${earlier.quantity} ${earlier.unitType}, ${earlier.period}): use a new key for a different purchase`,
    );
  }
  return { ...earlier, replayed: true };
}

/**
 * The capacity manager's bookkeeping: the Spark Unit registry, purchases, the vCPU-hour meter, balances and
 * balance alerts. The rules are the pure modules under domain/; this class reads and writes the stores around them,
 * under the capacity lock where a check and a write must be atomic.
 */
export class CapacityService {
  constructor(
    private readonly deps: {
      db: Knex;
      config: IngestionConfig;
      logger: LoggerService;
      notifications: Pick<NotificationService, 'send'>;
      signals: Pick<SignalsService, 'publish'>;
      /** Backend-to-backend announcements (registry changes, for executors that keep quotas in step). */
      events?: Pick<EventsService, 'publish'>;
      now?: () => number;
    },
  ) {}

  readonly #listeners: Array<() => Promise<void> | void> = [];

  /** Called after every registry change and purchase (the slice calendar rebuilds its capacities). */
  onChange(listener: () => Promise<void> | void): void {
    this.#listeners.push(listener);
  }

  #now() {
    return (this.deps.now ?? Date.now)();
  }

  #namespaceNames() {
    const { namespaces } = this.deps.config;
    return {
      dedicated: namespaces.dedicated.name,
      'vcore-hours': namespaces['vcore-hours'].name,
      draft: namespaces.draft.name,
    };
  }

  async registry(db: Knex = this.deps.db): Promise<RegistrySnapshot> {
    const allocations = await new DatabaseSparkUnitRegistryStore(db).list();
    return deriveRegistrySnapshot(
      allocations,
      this.deps.config.sparkUnitSize,
      this.#namespaceNames(),
    );
  }

  /** Changes a namespace's Spark Units, refusing to drop below what is already sold to tenants. */
  async setSparkUnits(
    tier: NamespaceTier,
    sparkUnits: number,
    by: string,
  ): Promise<RegistrySnapshot> {
    if (
      !Number.isInteger(sparkUnits) ||
      sparkUnits < 0 ||
      sparkUnits > 100_000
    ) {
      throw new InputError(
        'sparkUnits must be a whole number from 0 to 100000',
      );
    }
    const now = this.#now();
    const snapshot = await withCapacityLock(this.deps.db, async tx => {
      const ledger = new DatabaseLedgerStore(tx);
      const soldFromNow = async (unitType: UnitType) =>
        (await ledger.listPurchases({ unitType, validAfter: now })).map(
          claimOf,
        );
      const check = checkRegistryChange({
        tier,
        sparkUnits,
        sparkUnitSize: this.deps.config.sparkUnitSize,
        dedicatedSold: await soldFromNow('dedicated-units'),
        vcpuHoursSold: await soldFromNow('vcpu-hours'),
        vcpuHourOversubscription: this.deps.config.vcpuHourOversubscription,
        now,
      });
      if (!check.ok) throw new ConflictError(check.reason);
      await new DatabaseSparkUnitRegistryStore(tx).setSparkUnits(
        tier,
        sparkUnits,
        by,
      );
      return this.registry(tx);
    });
    await this.#publish({ kind: 'registry' });
    await this.deps.events
      ?.publish({
        topic: INGESTION_REGISTRY_EVENTS_TOPIC,
        eventPayload: { registry: snapshot },
      })
      .catch(error =>
        this.deps.logger.warn(`Could not publish registry event: ${error}`),
      );
    return snapshot;
  }

  /**
   * Records a purchase after checking it against the Spark Units it would take. With an idempotency key (the
   * client's Idempotency-Key header), a repeated request answers the purchase it made the first time instead
   * of buying again; the key is kept in the ledger entry, looked up under the same lock as the purchase.
   */
  async purchase(
    tenant: string,
    request: PurchaseRequest,
    by: string,
    idempotencyKey?: string,
  ): Promise<Purchase & { replayed?: boolean }> {
    const now = this.#now();
    const wanted = validatePurchase(request, now);
    const requestKey =
      idempotencyKey === undefined
        ? undefined
        : `purchase-request:${tenant}:${idempotencyKey}`;
    const purchase = await withCapacityLock(this.deps.db, async tx => {
      const ledger = new DatabaseLedgerStore(tx);
      const earlier = requestKey && (await ledger.findPurchase(requestKey));
      if (earlier) return replayedPurchase(earlier, request);
      const registry = await this.registry(tx);
      const sold = (
        await ledger.listPurchases({
          unitType: wanted.unitType,
          validAfter: wanted.validFrom,
        })
      ).map(claimOf);
      const tierOf = (t: NamespaceTier) =>
        registry.namespaces.find(n => n.tier === t)!;
      const check =
        wanted.unitType === 'dedicated-units'
          ? checkDedicatedUnits(sold, wanted, tierOf('dedicated').sparkUnits)
          : checkVcpuHours(
              sold,
              wanted,
              tierOf('vcore-hours').cores,
              this.deps.config.vcpuHourOversubscription,
            );
      if (!check.ok) throw new ConflictError(check.reason);
      const id = randomUUID();
      await ledger.append({
        tenant,
        kind: 'purchase',
        unitType: wanted.unitType,
        quantity: wanted.quantity,
        occurredAt: now,
        validFrom: wanted.validFrom,
        validUntil: wanted.validUntil,
        period: wanted.period,
        purchaseId: id,
        idempotencyKey: requestKey ?? `purchase:${id}`,
        recordedBy: by,
      });
      return {
        id,
        tenant,
        unitType: wanted.unitType,
        quantity: wanted.quantity,
        period: wanted.period,
        validFrom: new Date(wanted.validFrom).toISOString(),
        validUntil: new Date(wanted.validUntil).toISOString(),
        purchasedBy: by,
        purchasedAt: new Date(now).toISOString(),
      };
    });
    if ('replayed' in purchase) return purchase;
    this.deps.logger.info(
      `Purchase ${purchase.id}: ${tenant} bought ${purchase.quantity} ${purchase.unitType} (${purchase.period}) by ${by}`,
    );
    await this.#afterBalanceChange(tenant, purchase.unitType === 'vcpu-hours');
    return purchase;
  }

  async #facts(
    tenant: string,
  ): Promise<{ entries: StoredLedgerEntry[]; facts: LedgerFact[] }> {
    const entries = await new DatabaseLedgerStore(this.deps.db).listEntries(
      tenant,
    );
    return { entries, facts: entries.map(toFact) };
  }

  /** Current vCPU-hour balance, consumption rate and depletion estimate (requirement 9.4). */
  async balance(tenant: string): Promise<VcpuHourBalance> {
    const now = this.#now();
    const { facts } = await this.#facts(tenant);
    return this.#balanceOf(tenant, facts, now);
  }

  #balanceOf(
    tenant: string,
    facts: LedgerFact[],
    now: number,
  ): VcpuHourBalance {
    const wallet = vcpuHourWalletAt(facts, now);
    const rate = consumptionRatePerHour(facts, now);
    const depletion = estimateDepletion(wallet.remainingHours, rate, now);
    return {
      tenant,
      purchasedHours: wallet.purchasedHours,
      remainingHours: wallet.remainingHours,
      consumedHours: wallet.purchasedHours - wallet.remainingHours,
      consumptionRatePerHour: rate,
      ...(depletion !== undefined && {
        estimatedDepletionAt: new Date(depletion).toISOString(),
      }),
      remainingFraction:
        wallet.purchasedHours > 0
          ? Math.max(0, wallet.remainingHours / wallet.purchasedHours)
          : 0,
    };
  }

  async capacity(tenant: string): Promise<TenantCapacity> {
    const now = this.#now();
    const { facts } = await this.#facts(tenant);
    const purchases = await new DatabaseLedgerStore(this.deps.db).listPurchases(
      { tenant },
    );
    const dedicatedUnits = facts
      .filter(
        f =>
          f.kind === 'purchase' &&
          f.unitType === 'dedicated-units' &&
          isValidAt(f, now),
      )
      .reduce((n, f) => n + f.quantity, 0);
    return {
      tenant,
      dedicatedUnits,
      vcpuHours: this.#balanceOf(tenant, facts, now),
      purchases,
    };
  }

  /** Dedicated Ingestion Units valid now, per tenant that holds any. */
  async dedicatedUnitsByTenant(): Promise<Map<string, number>> {
    const now = this.#now();
    const purchases = await new DatabaseLedgerStore(this.deps.db).listPurchases(
      {
        unitType: 'dedicated-units',
        validAfter: now,
      },
    );
    const units = new Map<string, number>();
    for (const p of purchases) {
      if (Date.parse(p.validFrom) <= now)
        units.set(p.tenant, (units.get(p.tenant) ?? 0) + p.quantity);
    }
    return units;
  }

  /** The balance after every ledger event of the last `days` days, for the burn-down chart. */
  async balanceHistory(tenant: string, days: number): Promise<BalancePoint[]> {
    const now = this.#now();
    const { facts } = await this.#facts(tenant);
    const since = now - days * 24 * HOUR_MS;
    const states = replayVcpuHourWallet(facts, now);
    const before = states.filter(s => s.at < since).pop();
    const points = [
      ...(before ? [{ ...before, at: since }] : []),
      ...states.filter(s => s.at >= since),
    ];
    return points.map(s => ({
      at: new Date(s.at).toISOString(),
      remainingHours: s.remainingHours,
      purchasedHours: s.purchasedHours,
    }));
  }

  async ledger(tenant: string): Promise<StoredLedgerEntry[]> {
    return (await this.#facts(tenant)).entries;
  }

  /**
   * Meters a finished run: allocated cores × duration, debited once per run however often it is reported
   * (the ledger's idempotency key). Opportunistic runs are recorded at zero. Returns whether this call recorded it.
   */
  async recordRunCompletion(
    tenant: string,
    run: MeteredRun,
    pool: 'dedicated' | 'vcore-hours',
  ): Promise<boolean> {
    if (pool === 'dedicated') return false;
    const hours = vcpuHoursOf(run);
    const recorded = await new DatabaseLedgerStore(this.deps.db).append({
      tenant,
      kind: 'run-debit',
      unitType: 'vcpu-hours',
      quantity: hours === 0 ? 0 : -hours,
      occurredAt: run.finishedAt,
      runId: run.runId,
      idempotencyKey: runDebitKey(run.runId),
      recordedBy: 'meter',
      note: run.opportunistic
        ? `opportunistic run on lent dedicated capacity: ${
            run.allocatedCores
          } cores, ${coreHoursHeld(run).toFixed(3)} core-hours, not debited`
        : `${run.allocatedCores} cores × ${(
            (run.finishedAt - run.startedAt) /
            60_000
          ).toFixed(1)} min`,
    });
    if (recorded && hours > 0) await this.#afterBalanceChange(tenant, true);
    return recorded;
  }

  /** A platform admin's correction of a tenant's vCPU-hours (positive credits, negative debits), with a note. */
  async adjust(
    tenant: string,
    hours: number,
    note: string,
    by: string,
  ): Promise<void> {
    if (!Number.isFinite(hours) || hours === 0 || Math.abs(hours) > 1_000_000) {
      throw new InputError(
        'hours must be a non-zero number between -1000000 and 1000000',
      );
    }
    if (!note.trim())
      throw new InputError('note must say why the balance is adjusted');
    await new DatabaseLedgerStore(this.deps.db).append({
      tenant,
      kind: 'adjustment',
      unitType: 'vcpu-hours',
      quantity: hours,
      occurredAt: this.#now(),
      recordedBy: by,
      note,
    });
    this.deps.logger.info(
      `Adjustment of ${hours} vCPU-hours for ${tenant} by ${by}: ${note}`,
    );
    await this.#afterBalanceChange(tenant, true);
  }

  /**
   * What follows a committed balance change: alerts and pushes. The write has happened, so a failure here is
   * logged and never turned into a failed response (a client would retry and buy twice).
   */
  async #afterBalanceChange(tenant: string, alerts: boolean): Promise<void> {
    if (alerts) {
      try {
        await this.evaluateAlerts(tenant);
      } catch (error) {
        this.deps.logger.warn(
          `Balance alerts of ${tenant} could not be evaluated: ${error}`,
        );
      }
    }
    await this.#publish({ kind: 'balance', tenant });
  }

  /** Refuses new work of a vCPU-hour tenant whose balance is used up (requirement 9.5). */
  async assertCanConsume(tenant: string): Promise<void> {
    const balance = await this.balance(tenant);
    if (balance.remainingHours <= 0) {
      throw new InsufficientBalanceError(
        `The vCPU-hour balance of ${tenant} is used up (${balance.remainingHours.toFixed(
          2,
        )} of ${balance.purchasedHours} vCPU-hours left): ` +
          `new jobs and runs on vCPU-hours are suspended until more vCPU-hours are bought on the Capacity page`,
      );
    }
  }

  /** Sends the balance alerts whose thresholds the tenant crossed, once per crossing. */
  async evaluateAlerts(tenant: string): Promise<void> {
    const now = this.#now();
    const ledger = new DatabaseLedgerStore(this.deps.db);
    const { facts } = await this.#facts(tenant);
    const wallet = vcpuHourWalletAt(facts, now);
    const hasBought = facts.some(
      f => f.kind === 'purchase' && f.unitType === 'vcpu-hours',
    );
    const decisions = decideBalanceAlerts(
      { ...wallet, hasBought },
      await ledger.firedAlerts(tenant),
    );
    for (const decision of decisions) {
      const changed = await ledger.setAlertFired(
        tenant,
        decision.id,
        decision.action === 'fire',
        now,
      );
      if (!changed || !decision.notify) continue;
      const left = `${Math.max(wallet.remainingHours, 0).toFixed(1)} of ${
        wallet.purchasedHours
      } vCPU-hours left`;
      await this.deps.notifications.send({
        recipients: { type: 'entity', entityRef: tenant },
        payload:
          decision.id === 'exhausted'
            ? {
                title: 'vCPU-hours used up: runs are suspended',
                description: `${left}. New jobs and runs on vCPU-hours are refused until more vCPU-hours are bought.`,
                severity: 'critical',
                link: '/ingestion/capacity',
                topic: 'ingestion-balance',
              }
            : {
                title: 'vCPU-hour balance below 20%',
                description: `${left}. Buy more before it runs out to keep jobs running.`,
                severity: 'high',
                link: '/ingestion/capacity',
                topic: 'ingestion-balance',
              },
      });
      this.deps.logger.info(
        `Balance alert ${decision.id} sent to ${tenant} (${left})`,
      );
    }
  }

  /**
   * Writes an expiry entry for each vCPU-hour purchase whose validity ended with hours unspent (once, keyed by
   * purchase), and re-evaluates alerts. Run periodically.
   */
  async recordExpiries(): Promise<number> {
    const now = this.#now();
    const ledger = new DatabaseLedgerStore(this.deps.db);
    let written = 0;
    for (const tenant of await ledger.listVcpuHourTenants()) {
      const { entries, facts } = await this.#facts(tenant);
      const lapsed = entries.filter(
        e =>
          e.kind === 'purchase' &&
          e.unitType === 'vcpu-hours' &&
          e.validUntil &&
          Date.parse(e.validUntil) <= now,
      );
      for (const purchase of lapsed) {
        const at = Date.parse(purchase.validUntil!);
        const before = vcpuHourWalletAt(facts, at - 1).remainingHours;
        const after = vcpuHourWalletAt(facts, at).remainingHours;
        const forfeited = Math.max(0, before - after);
        const appended = await ledger.append({
          tenant,
          kind: 'expiry',
          unitType: 'vcpu-hours',
          quantity: -forfeited,
          occurredAt: at,
          purchaseId: purchase.purchaseId,
          idempotencyKey: `expiry:${purchase.purchaseId}`,
          recordedBy: 'meter',
          note: `validity of purchase ${purchase.purchaseId} ended`,
        });
        if (appended) written += 1;
      }
      await this.evaluateAlerts(tenant);
    }
    return written;
  }

  async #publish(
    message: { kind: 'registry' } | { kind: 'balance'; tenant: string },
  ) {
    for (const listener of this.#listeners) {
      try {
        await listener();
      } catch (error) {
        this.deps.logger.warn(`A capacity change listener failed: ${error}`);
      }
    }
    try {
      // A balance change concerns one tenant: only its members' (and platform admins') pages are told, matched by
      // the signals backend against each connection's ownership refs. The registry is everyone's.
      await this.deps.signals.publish({
        recipients:
          message.kind === 'balance'
            ? {
                type: 'user',
                entityRef: [
                  message.tenant,
                  this.deps.config.platformAdminGroup,
                ],
              }
            : { type: 'broadcast' },
        channel: CAPACITY_SIGNAL_CHANNEL,
        message,
      });
    } catch (error) {
      // A page that misses a push still shows the change on its next load; the write itself succeeded.
      this.deps.logger.warn(`Could not publish capacity signal: ${error}`);
    }
  }
}
