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

/** A finished run's SLA outcome as the service judged it when the run finished; none for other runs. */
export function slaOutcome(run: IngestionRun): SlaOutcome | undefined {
  if (run.slaMet === undefined) return undefined;
  return run.slaMet ? 'met' : 'missed';
}

/** The share of runs with an outcome that met the SLA, and how many had one; undefined share when none did. */
export function slaCompliance(runs: IngestionRun[]): {
  met: number;
  judged: number;
  rate?: number;
} {
  let met = 0;
  let judged = 0;
  for (const run of runs) {
    const outcome = slaOutcome(run);
    if (!outcome) continue;
    judged++;
    if (outcome === 'met') met++;
  }
  return { met, judged, rate: judged ? met / judged : undefined };
}
