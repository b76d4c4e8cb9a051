import { RunMetricsSummary } from '@internal/backstage-plugin-ingestion-common';

/** The sums and counts the database adds up over a set of finished runs (numbers or numeric strings). */
export interface RunAggregates {
  total: unknown;
  succeeded: unknown;
  failed: unknown;
  timedOut: unknown;
  cancelled: unknown;
  meanDurationMs: unknown;
  maxDurationMs: unknown;
  slaMeasured: unknown;
  slaMet: unknown;
  allocatedCoreMs: unknown;
  cpuTimeMs: unknown;
  vcpuHoursDebited: unknown;
}

const HOUR_MS = 3_600_000;
const count = (value: unknown) => Number(value ?? 0);
const round = (value: number, digits = 6) =>
  Math.round(value * 10 ** digits) / 10 ** digits;

/** Turns the aggregates of the runs that finished in [from, to) into the API's summary. */
export function runMetricsSummary(
  range: { from: Date; to: Date },
  row: RunAggregates,
): RunMetricsSummary {
  const total = count(row.total);
  const measured = count(row.slaMeasured);
  const met = count(row.slaMet);
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    runs: {
      total,
      succeeded: count(row.succeeded),
      failed: count(row.failed),
      timedOut: count(row.timedOut),
      cancelled: count(row.cancelled),
    },
    ...(total > 0 && {
      durationMinutes: {
        mean: round(count(row.meanDurationMs) / 60_000, 2),
        max: round(count(row.maxDurationMs) / 60_000, 2),
      },
    }),
    sla: {
      measured,
      met,
      ...(measured > 0 && { compliance: round(met / measured, 4) }),
    },
    coreHoursAllocated: round(count(row.allocatedCoreMs) / HOUR_MS),
    coreHoursUsed: round(count(row.cpuTimeMs) / HOUR_MS),
    vcpuHoursConsumed: round(count(row.vcpuHoursDebited)),
  };
}
