import { NamespaceTier } from '@internal/backstage-plugin-ingestion-common';
import { Resources } from './resources';
import { SliceCalendar } from './sliceCalendar';
import { nextSliceBoundaryMs } from './slices';

/** A run waiting to start: queued, or the next run of a refused job. */
export interface PendingRun {
  tier: NamespaceTier;
  tenant: string;
  demand: Resources;
  durationMs: number;
  /** Leave this job's current reservation out (the run's own job, when it holds slices it will not use). */
  excludeJobId?: string;
}

/**
 * When a run could start (the start-time estimate Kueue users ask for, kueue#13159): the earliest slice start at or
 * after `now` from which every slice of its duration has room for it, in its namespace or, for a dedicated run, in
 * its tenant's dedicated units. Undefined when no such start lies within the calendar's horizon (the whole run must
 * fit in it: beyond the horizon nothing is known).
 */
export function estimateStartTime(
  calendar: SliceCalendar,
  run: PendingRun,
  now: number,
): number | undefined {
  const first = nextSliceBoundaryMs(
    Math.max(now, calendar.horizonStartMs),
    calendar.sliceMs,
  );
  for (
    let startMs = first;
    startMs + run.durationMs <= calendar.horizonEndMs;
    startMs += calendar.sliceMs
  ) {
    const shortfalls = calendar.findShortfalls(
      {
        tier: run.tier,
        tenant: run.tenant,
        demand: run.demand,
        occurrences: [{ startMs, durationMs: run.durationMs }],
      },
      { excludeJobId: run.excludeJobId, limit: 1 },
    );
    if (shortfalls.length === 0) {
      return startMs;
    }
  }
  return undefined;
}
