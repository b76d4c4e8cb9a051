import { RunAggregates } from '../domain/metrics/runMetricsSummary';

/** Which finished runs a metrics query adds up: those that finished in [from, to), narrowed by the rest. */
export interface RunMetricsFilter {
  from: Date;
  to: Date;
  /** Only these tenants' runs; all tenants' when absent. */
  tenants?: string[];
  jobId?: string;
  tier?: string;
}

/** Metrics of finished runs, added up by the database so long ranges stay cheap. */
export interface RunMetricsStore {
  aggregate(filter: RunMetricsFilter): Promise<RunAggregates>;
  /** The same per job, busiest first (then by id), one page, with how many jobs had runs. */
  aggregateByJob(
    filter: RunMetricsFilter,
    page: { limit: number; offset: number },
  ): Promise<{
    items: Array<{ jobId: string; aggregates: RunAggregates }>;
    totalCount: number;
  }>;
}
