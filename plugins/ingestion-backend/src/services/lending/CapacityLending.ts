import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CapacityUtilisation,
  IngestionRun,
  LendingEventList,
  RegistrySnapshot,
} from '@internal/backstage-plugin-ingestion-common';
import { SignalsService } from '@backstage/plugin-signals-node';
import { LendingAuditStore } from '../../database/LendingAuditStore';
import { UsageRollupStore } from '../../database/UsageRollupStore';
import { RunStore } from '../../database/RunStore';
import {
  DedicatedUse,
  idleShare,
  IdleWindow,
  isLending,
  lendableCapacity,
  observeIdle,
} from '../../domain/lending/idleCapacity';
import { LendingPolicy } from '../../domain/lending/lendingPolicy';
import {
  recentUtilisationPercent,
  UsageSpan,
} from '../../domain/lending/borrowerPriority';
import { utilisationOf } from '../../domain/lending/utilisation';
import { Resources } from '../../domain/scheduling/resources';
import { HOUR_MS } from '../../domain/forecast/usageBuckets';
import { CAPACITY_SIGNAL_CHANNEL, CapacityService } from '../CapacityService';
import { IngestionConfig } from '../../config';

/** The reclaim time the platform promises (Requirement 8.4). */
export const RECLAIM_TARGET_SECONDS = 30;

const HELD: IngestionRun['state'][] = ['submitted', 'running'];

/**
 * Lending of idle dedicated capacity (Requirement 8): the utilisation monitor, the idle window of the dedicated
 * namespace (kept in the database, so a restart or another replica's dispatcher carries it on), the borrowers'
 * recent utilisation, and the audit. The dispatcher decides what starts and what is preempted, from these.
 */
export class CapacityLending {
  constructor(
    private readonly deps: {
      policy: LendingPolicy;
      audit: LendingAuditStore;
      runs: RunStore;
      rollups: UsageRollupStore;
      registry: () => Promise<RegistrySnapshot>;
      dedicatedUnitsByTenant: () => Promise<Map<string, number>>;
      purchasedHours: (tenant: string) => Promise<number>;
      platformAdminGroup: string;
      signals: Pick<SignalsService, 'publish'>;
      logger: LoggerService;
      now: () => number;
    },
  ) {}

  /** Lending over the capacity service's registry, dedicated units and purchased vCPU-hours. */
  static of(deps: {
    config: Pick<IngestionConfig, 'lending' | 'platformAdminGroup'>;
    capacity: Pick<
      CapacityService,
      'registry' | 'dedicatedUnitsByTenant' | 'balance'
    >;
    audit: LendingAuditStore;
    runs: RunStore;
    rollups: UsageRollupStore;
    signals: Pick<SignalsService, 'publish'>;
    logger: LoggerService;
    now?: () => number;
  }): CapacityLending {
    const { config, capacity } = deps;
    return new CapacityLending({
      policy: config.lending,
      audit: deps.audit,
      runs: deps.runs,
      rollups: deps.rollups,
      registry: () => capacity.registry(),
      dedicatedUnitsByTenant: () => capacity.dedicatedUnitsByTenant(),
      purchasedHours: async tenant =>
        (await capacity.balance(tenant)).purchasedHours,
      platformAdminGroup: config.platformAdminGroup,
      signals: deps.signals,
      logger: deps.logger,
      now: deps.now ?? Date.now,
    });
  }

  now(): number {
    return this.deps.now();
  }

  get audit(): LendingAuditStore {
    return this.deps.audit;
  }

  /** Observes the dedicated namespace now; returns what may still be lent. */
  async observe(use: DedicatedUse, now: number): Promise<Resources> {
    const window = await this.#window();
    const next = observeIdle(window, use, now, this.deps.policy);
    if (next.idleSince !== window.idleSince) {
      await this.deps.audit.setIdleSince(next.idleSince);
    }
    return lendableCapacity(next, use, now, this.deps.policy);
  }

  async #window(): Promise<IdleWindow> {
    return { idleSince: await this.deps.audit.idleSince() };
  }

  /**
   * Each tenant's recent utilisation percentage (see `recentUtilisationPercent`): the hourly usage rollups of the
   * window, and the core-hours of its runs holding resources now.
   */
  async borrowerUtilisation(
    tenants: Iterable<string>,
    now: number,
  ): Promise<Map<string, number>> {
    const policy = this.deps.policy;
    const buckets = await this.deps.rollups.usage({
      source: 'runs',
      granularity: 'hour',
      from: now - policy.usageWindowMs,
      to: now,
    });
    const spans: UsageSpan[] = buckets.map(b => ({
      tenant: b.tenant,
      endedAt: Math.min(now, b.bucketStart + HOUR_MS),
      coreHours: b.coreHours,
    }));
    for (const run of await this.deps.runs.listInStates(HELD)) {
      if (!run.startedAt) continue;
      spans.push({
        tenant: run.tenant,
        endedAt: now,
        coreHours:
          (run.allocatedCores * Math.max(0, now - Date.parse(run.startedAt))) /
          HOUR_MS,
      });
    }
    const result = new Map<string, number>();
    for (const tenant of new Set(tenants)) {
      result.set(
        tenant,
        recentUtilisationPercent(
          tenant,
          spans,
          await this.deps.purchasedHours(tenant),
          now,
          policy,
        ),
      );
    }
    return result;
  }

  /** Used against available now, per namespace and dedicated tenant, and the lending state (Requirement 8.1). */
  async utilisation(): Promise<CapacityUtilisation> {
    const now = this.deps.now();
    const [registry, held, units, window] = await Promise.all([
      this.deps.registry(),
      this.deps.runs.listInStates(HELD),
      this.deps.dedicatedUnitsByTenant(),
      this.#window(),
    ]);
    const { namespaces, dedicatedTenants, dedicated } = utilisationOf(
      registry.namespaces,
      held,
      units,
      registry.sparkUnitSize,
    );
    const policy = this.deps.policy;
    return {
      generatedAt: new Date(now).toISOString(),
      namespaces,
      dedicatedTenants,
      lending: {
        idleThresholdPercent: policy.idleThreshold * 100,
        idleMinutes: policy.idleWindowMs / 60_000,
        usageHalfLifeHours: policy.usageHalfLifeMs / HOUR_MS,
        usageWindowHours: policy.usageWindowMs / HOUR_MS,
        reclaimTargetSeconds: RECLAIM_TARGET_SECONDS,
        idleShare: idleShare(dedicated),
        ...(window.idleSince !== null && {
          idleSince: new Date(window.idleSince).toISOString(),
        }),
        lending: isLending(window, now, policy),
        lendable: lendableCapacity(window, dedicated, now, policy),
        lent: dedicated.lent,
      },
    };
  }

  async events(fromMs: number, toMs: number): Promise<LendingEventList> {
    return {
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      items: await this.deps.audit.list({
        from: fromMs,
        to: toMs,
        limit: 5000,
      }),
    };
  }

  /** Tells open Platform admin pages that utilisation or lending changed. */
  async changed(): Promise<void> {
    try {
      await this.deps.signals.publish({
        recipients: { type: 'user', entityRef: this.deps.platformAdminGroup },
        channel: CAPACITY_SIGNAL_CHANNEL,
        message: { kind: 'utilisation' },
      });
    } catch (error) {
      this.deps.logger.warn(`Could not publish utilisation signal: ${error}`);
    }
  }
}
