import { InputError } from '@backstage/errors';
import {
  IngestionJob,
  NamespaceMetrics,
  NamespaceTier,
  RegistrySnapshot,
  RunMetricsSummary,
  TenantMetrics,
} from '@internal/backstage-plugin-ingestion-common';
import { RunMetricsFilter, RunMetricsStore } from '../database/RunMetricsStore';
import { metricsRange } from '../domain/metrics/metricsRange';
import { runMetricsSummary } from '../domain/metrics/runMetricsSummary';
import { ResolvedCaller } from '../tenancy/CallerResolver';

type RangeQuery = { from?: string; to?: string };

/**
 * Execution metrics and utilisation over a time range (requirement 13.3), per job, tenant and namespace, added up
 * from the runs and the ledger. Tenancy: a job is read through the job service (others' jobs do not exist for the
 * caller), a tenant is checked by the route, and a namespace counts only the caller's tenants' runs.
 */
export class MetricsService {
  constructor(
    private readonly deps: {
      store: RunMetricsStore;
      getJob: (caller: ResolvedCaller, jobId: string) => Promise<IngestionJob>;
      registry: () => Promise<RegistrySnapshot>;
      now: () => number;
    },
  ) {}

  async job(
    caller: ResolvedCaller,
    jobId: string,
    query: RangeQuery,
  ): Promise<{ jobId: string; summary: RunMetricsSummary }> {
    const range = this.#range(query);
    const job = await this.deps.getJob(caller, jobId);
    return {
      jobId: job.id,
      summary: await this.#summary({ ...range, jobId: job.id }),
    };
  }

  /** The route has checked the caller may read the tenant. */
  async tenant(
    tenant: string,
    query: RangeQuery,
    page: { limit: number; offset: number },
  ): Promise<TenantMetrics> {
    const range = this.#range(query);
    const filter = { ...range, tenants: [tenant] };
    const [summary, byJob] = await Promise.all([
      this.#summary(filter),
      this.deps.store.aggregateByJob(filter, page),
    ]);
    return {
      tenant,
      summary,
      jobs: byJob.items.map(item => ({
        jobId: item.jobId,
        summary: runMetricsSummary(range, item.aggregates),
      })),
      totalCount: byJob.totalCount,
    };
  }

  async namespace(
    caller: ResolvedCaller,
    tier: NamespaceTier,
    query: RangeQuery,
  ): Promise<NamespaceMetrics> {
    const range = this.#range(query);
    const tenants =
      caller.platformAdmin || caller.service ? undefined : caller.tenants;
    const registry = await this.deps.registry();
    const cores = registry.namespaces.find(ns => ns.tier === tier)?.cores ?? 0;
    const hours = (range.to.getTime() - range.from.getTime()) / 3_600_000;
    return {
      tier,
      ...(tenants && { tenants }),
      summary: await this.#summary({ ...range, tier, tenants }),
      coreHoursCapacity: Math.round(cores * hours * 1000) / 1000,
    };
  }

  #range(query: RangeQuery) {
    const range = metricsRange(query, this.deps.now());
    if ('problems' in range) throw new InputError(range.problems.join('; '));
    return range;
  }

  async #summary(filter: RunMetricsFilter): Promise<RunMetricsSummary> {
    return runMetricsSummary(filter, await this.deps.store.aggregate(filter));
  }
}
