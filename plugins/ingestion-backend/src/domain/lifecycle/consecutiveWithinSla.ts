/**
 * How many of a job's latest judged runs in a row met the SLA, newest first: a miss (or a failure) resets the
 * count; runs without an outcome (cancelled) neither count nor reset.
 */
export function consecutiveWithinSla(
  outcomesNewestFirst: ReadonlyArray<boolean | undefined>,
): number {
  let count = 0;
  for (const met of outcomesNewestFirst) {
    if (met === undefined) continue;
    if (!met) break;
    count += 1;
  }
  return count;
}
