/**
 * How long a run may go on before the service stops it: a multiple of its job's SLA (the longest acceptable
 * duration), so that a run hung on a silent source neither holds its cores nor is charged forever.
 */
export function runTimeLimitMs(
  slaMinutes: number,
  slaMultiple: number,
): number {
  return Math.round(slaMinutes * slaMultiple * 60_000);
}

/** Whether a run started at `startedAt` has passed its time limit at `now` (epoch milliseconds). */
export function isPastTimeLimit(
  startedAt: number,
  now: number,
  limitMs: number,
): boolean {
  return now - startedAt >= limitMs;
}
