import { IngestionRun } from '@internal/backstage-plugin-ingestion-common';

/**
 * Whether a finished run met its job's SLA (the maximum acceptable duration): a failed run missed it, a cancelled
 * one is not judged, and a run still going has no outcome yet.
 */
export function slaOutcome(
  run: IngestionRun,
  slaMinutes: number,
): boolean | undefined {
  if (run.state === 'failed') return false;
  if (run.state !== 'succeeded' || !run.startedAt || !run.finishedAt)
    return undefined;
  return (
    Date.parse(run.finishedAt) - Date.parse(run.startedAt) <=
    slaMinutes * 60_000
  );
}
