import { NamespaceTier } from './capacity';

/**
 * What the runs that finished in a time range add up to, for one job, a tenant or a namespace (requirement 13.3).
 *
 * @public
 */
export interface RunMetricsSummary {
  /** Start of the range (ISO 8601, inclusive): runs are counted by when they finished. */
  from: string;
  /** End of the range (ISO 8601, exclusive). */
  to: string;
  runs: {
    total: number;
    succeeded: number;
    failed: number;
    timedOut: number;
    cancelled: number;
  };
  /** Wall-clock minutes from start to finish; absent without runs. */
  durationMinutes?: { mean: number; max: number };
  sla: {
    /** Runs whose SLA outcome is known. */
    measured: number;
    met: number;
    /** met / measured, 0 to 1; absent when nothing was measured. */
    compliance?: number;
  };
  /** Cores allocated to the runs times how long they ran. */
  coreHoursAllocated: number;
  /** CPU time the runs reported (Spark task CPU time), in core-hours; runs that reported none add nothing. */
  coreHoursUsed: number;
  /** vCPU-hours debited from the tenants' balances for these runs (vCPU-hour pool only; dedicated runs cost none). */
  vcpuHoursConsumed: number;
}

/**
 * A tenant's metrics over a range, with one page of them per job.
 *
 * @public
 */
export interface TenantMetrics {
  tenant: string;
  summary: RunMetricsSummary;
  jobs: Array<{ jobId: string; summary: RunMetricsSummary }>;
  /** Jobs with runs in the range, over all pages. */
  totalCount: number;
}

/**
 * A namespace's metrics over a range: the runs of the caller's tenants (every tenant's for platform admins), and
 * the core-hours the namespace held in that time.
 *
 * @public
 */
export interface NamespaceMetrics {
  tier: NamespaceTier;
  /** The tenants counted; absent when all are. */
  tenants?: string[];
  summary: RunMetricsSummary;
  /** The namespace's cores today times the hours of the range. */
  coreHoursCapacity: number;
}
