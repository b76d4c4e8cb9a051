import {
  IngestionJob,
  JobHealth,
  JobRecommendation,
} from '@internal/backstage-plugin-ingestion-common';

/** A tenant's jobs at a glance, from each job's health as the server computed it. */
export interface TenantDashboard {
  jobs: number;
  byLifecycle: { draft: number; production: number };
  /** Runs judged against their SLA across all jobs, and how many met it. */
  sla: { judged: number; met: number; rate?: number };
  /** Jobs whose latest finished run failed, with the engine's message. */
  failing: Array<{ job: IngestionJob; message?: string; at?: string }>;
  recommendations: Array<{
    job: IngestionJob;
    recommendation: JobRecommendation;
  }>;
}

export function tenantDashboard(
  entries: Array<{ job: IngestionJob; health: JobHealth }>,
): TenantDashboard {
  const dashboard: TenantDashboard = {
    jobs: entries.length,
    byLifecycle: { draft: 0, production: 0 },
    sla: { judged: 0, met: 0 },
    failing: [],
    recommendations: [],
  };
  for (const { job, health } of entries) {
    dashboard.byLifecycle[health.lifecycle] += 1;
    dashboard.sla.judged += health.sla.judgedRuns;
    dashboard.sla.met += health.sla.metRuns;
    if (health.lastFinishedRun?.state === 'failed') {
      dashboard.failing.push({
        job,
        message: health.lastFinishedRun.message,
        at: health.lastFinishedRun.finishedAt,
      });
    }
    for (const recommendation of health.recommendations) {
      dashboard.recommendations.push({ job, recommendation });
    }
  }
  if (dashboard.sla.judged > 0) {
    dashboard.sla.rate = dashboard.sla.met / dashboard.sla.judged;
  }
  return dashboard;
}
