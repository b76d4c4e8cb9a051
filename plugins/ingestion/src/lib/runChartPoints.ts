import { IngestionRun } from '@internal/backstage-plugin-ingestion-common';
import { runDurationMs, SlaOutcome, slaOutcome } from './runSla';

/** One finished run as the run charts plot it. */
export interface RunChartPoint {
  runId: string;
  /** When the run started (or was queued), epoch ms. */
  at: number;
  durationMinutes: number;
  sla?: SlaOutcome;
  recordsIn?: number;
  recordsOut?: number;
  bytesIn?: number;
  bytesOut?: number;
}

/**
 * The latest `limit` finished runs (succeeded or failed, with a duration), oldest first, for charts that read
 * left to right in time. Runs come from the API newest first.
 */
export function runChartPoints(
  runs: IngestionRun[],
  limit: number,
): RunChartPoint[] {
  const points: RunChartPoint[] = [];
  for (const run of runs) {
    if (points.length >= limit) break;
    if (run.state !== 'succeeded' && run.state !== 'failed') continue;
    const duration = runDurationMs(run);
    if (duration === undefined) continue;
    points.push({
      runId: run.id,
      at: Date.parse(run.startedAt ?? run.queuedAt),
      durationMinutes: duration / 60_000,
      sla: slaOutcome(run),
      recordsIn: run.metrics?.recordsIn,
      recordsOut: run.metrics?.recordsOut,
      bytesIn: run.metrics?.bytesIn,
      bytesOut: run.metrics?.bytesOut,
    });
  }
  return points.sort((a, b) => a.at - b.at);
}
