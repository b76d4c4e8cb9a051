import { IngestionRun } from '@internal/backstage-plugin-ingestion-common';

/** How long a run took: as the engine measured it, else from its start to its end; undefined until it ends. */
export function runDurationMs(run: IngestionRun): number | undefined {
  if (run.metrics) return run.metrics.durationMs;
  if (run.startedAt && run.finishedAt) {
    return Date.parse(run.finishedAt) - Date.parse(run.startedAt);
  }
  return undefined;
}

/** Whether a finished run met its job's SLA. */
export type SlaOutcome = 'met' | 'missed';

/**
 * A finished run's SLA outcome: the service's own verdict when it gives one, otherwise a succeeded run meets the
 * SLA when it took at most `slaMinutes`, and a failed run misses it (its data did not arrive). Cancelled and
 * unfinished runs have no outcome.
 */
export function slaOutcome(
  run: IngestionRun,
  slaMinutes: number,
): SlaOutcome | undefined {
  if (run.state === 'cancelled') return undefined;
  if (run.state !== 'succeeded' && run.state !== 'failed') return undefined;
  if (run.slaMet !== undefined) return run.slaMet ? 'met' : 'missed';
  if (run.state === 'failed') return 'missed';
  const duration = runDurationMs(run);
  if (duration === undefined) return undefined;
  return duration <= slaMinutes * 60_000 ? 'met' : 'missed';
}

/** The share of runs with an outcome that met the SLA, and how many had one; undefined share when none did. */
export function slaCompliance(
  runs: IngestionRun[],
  slaMinutes: number,
): { met: number; judged: number; rate?: number } {
  let met = 0;
  let judged = 0;
  for (const run of runs) {
    const outcome = slaOutcome(run, slaMinutes);
    if (!outcome) continue;
    judged++;
    if (outcome === 'met') met++;
  }
  return { met, judged, rate: judged ? met / judged : undefined };
}
