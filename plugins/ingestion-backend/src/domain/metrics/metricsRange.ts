/** Longest range a metrics query may cover. */
export const MAX_METRICS_RANGE_DAYS = 90;
const DEFAULT_RANGE_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * The time range of a metrics query from its `from` and `to` parameters (ISO 8601): by default the 30 days up to
 * now. Returns the problems instead when they are not dates, out of order, or more than 90 days apart.
 */
export function metricsRange(
  query: { from?: string; to?: string },
  now: number,
): { from: Date; to: Date } | { problems: string[] } {
  const problems: string[] = [];
  const parse = (name: 'from' | 'to', fallback: number) => {
    const value = query[name];
    if (value === undefined) return fallback;
    const ms = Date.parse(value);
    if (Number.isNaN(ms))
      problems.push(`${name} must be an ISO 8601 date-time, got ${value}`);
    return ms;
  };
  const to = parse('to', now);
  const from = parse('from', to - DEFAULT_RANGE_DAYS * DAY_MS);
  if (problems.length > 0) return { problems };
  if (from >= to) problems.push('from must be before to');
  if (to - from > MAX_METRICS_RANGE_DAYS * DAY_MS) {
    problems.push(`the range must be at most ${MAX_METRICS_RANGE_DAYS} days`);
  }
  return problems.length > 0
    ? { problems }
    : { from: new Date(from), to: new Date(to) };
}
