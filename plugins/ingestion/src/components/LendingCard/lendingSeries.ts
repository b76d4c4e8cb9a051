import { LendingEvent } from '@internal/backstage-plugin-ingestion-common';

/** Cores lent from `at` on, until the next point. */
export interface LentPoint {
  at: number;
  cores: number;
}

/**
 * Cores lent over [from, to] as a step series, from the loans of the audit: each holds its cores from when it
 * started until it ended (still lent at `to` when it has not). Starts and ends at the same instant are merged.
 */
export function lentCoresSeries(
  events: readonly LendingEvent[],
  from: number,
  to: number,
): LentPoint[] {
  const changes = new Map<number, number>();
  const change = (at: number, delta: number) =>
    changes.set(at, (changes.get(at) ?? 0) + delta);
  for (const e of events) {
    if (e.kind !== 'loan') continue;
    const start = Math.max(from, Date.parse(e.occurredAt));
    const end = Math.min(to, e.endedAt ? Date.parse(e.endedAt) : to);
    if (end <= start && e.endedAt) continue;
    change(start, e.cores);
    if (end < to) change(end, -e.cores);
  }
  let cores = 0;
  const points: LentPoint[] = changes.has(from) ? [] : [{ at: from, cores: 0 }];
  for (const at of [...changes.keys()].sort((a, b) => a - b)) {
    cores += changes.get(at)!;
    // Rounding keeps 0.1 + 0.2 - 0.3 from drawing a sliver above zero.
    points.push({ at, cores: Math.round(cores * 1000) / 1000 });
  }
  points.push({ at: to, cores: points[points.length - 1].cores });
  return points;
}

/** One reclaim, in seconds from the dedicated run asking to it running; open while it is not running yet. */
export interface ReclaimPoint {
  at: number;
  runId: string;
  tenant: string;
  victims: number;
  seconds?: number;
}

export function reclaimPoints(events: readonly LendingEvent[]): ReclaimPoint[] {
  return events
    .filter(e => e.kind === 'reclaim')
    .map(e => ({
      at: Date.parse(e.requestedAt ?? e.occurredAt),
      runId: e.runId,
      tenant: e.tenant,
      victims: e.victims ?? 0,
      ...(e.reclaimMs !== undefined && { seconds: e.reclaimMs / 1000 }),
    }));
}
