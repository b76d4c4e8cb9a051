/** The parts of a run the SLA is judged on. */
export interface JudgedRun {
  state: string;
  startedAt?: string;
  finishedAt?: string;
}

/** How a finished run stands against its job's SLA (the maximum acceptable duration). */
export interface SlaOutcome {
  met: boolean;
  /** Fraction of the SLA the run took beyond it (0.25 = 25% over); 0 within the SLA. Absent for a failed run. */
  overrun?: number;
  durationMs?: number;
}

/**
 * The server's one rule for "SLA met": a succeeded run met it when it took at most the SLA; a failed or timed-out run
 * missed it; a cancelled run, or one still going, is not judged (undefined).
 */
export function slaOutcome(
  run: JudgedRun,
  slaMinutes: number,
): SlaOutcome | undefined {
  if (run.state === 'failed' || run.state === 'timed_out')
    return { met: false };
  if (run.state !== 'succeeded' || !run.startedAt || !run.finishedAt)
    return undefined;
  const durationMs = Date.parse(run.finishedAt) - Date.parse(run.startedAt);
  const slaMs = slaMinutes * 60_000;
  return {
    met: durationMs <= slaMs,
    overrun: Math.max(0, durationMs - slaMs) / slaMs,
    durationMs,
  };
}
