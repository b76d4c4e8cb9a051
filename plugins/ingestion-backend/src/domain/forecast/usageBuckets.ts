/** One run's allocation over the time it held it, as the capacity history sees it. */
export interface RunUsage {
  tier: string;
  tenant: string;
  allocatedCores: number;
  allocatedMemoryMiB: number;
  startedAt: number;
  finishedAt: number;
}

export type BucketGranularity = 'hour' | 'day';

/** Core-hours and memory GiB-hours held by one tenant in one namespace tier during one UTC hour or day. */
export interface UsageBucket {
  granularity: BucketGranularity;
  /** Start of the UTC hour or day, epoch milliseconds. */
  bucketStart: number;
  tier: string;
  tenant: string;
  coreHours: number;
  memoryGiBHours: number;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

const BUCKET_MS: Record<BucketGranularity, number> = {
  hour: HOUR_MS,
  day: DAY_MS,
};

/**
 * Splits a run's allocation over the UTC hours and days it spans. What counts is what was allocated (cores and
 * memory reserved for the run, busy or not), the same measure the vCPU-hour meter charges.
 */
export function usageBucketsOf(run: RunUsage): UsageBucket[] {
  if (!(run.finishedAt >= run.startedAt)) {
    throw new Error('finishedAt must not be before startedAt');
  }
  const buckets: UsageBucket[] = [];
  for (const granularity of ['hour', 'day'] as const) {
    const size = BUCKET_MS[granularity];
    let from = run.startedAt;
    while (from < run.finishedAt) {
      const bucketStart = Math.floor(from / size) * size;
      const to = Math.min(bucketStart + size, run.finishedAt);
      const hours = (to - from) / HOUR_MS;
      buckets.push({
        granularity,
        bucketStart,
        tier: run.tier,
        tenant: run.tenant,
        coreHours: run.allocatedCores * hours,
        memoryGiBHours: (run.allocatedMemoryMiB / 1024) * hours,
      });
      from = to;
    }
  }
  return buckets;
}

/** Adds up buckets with the same granularity, start, tier and tenant. */
export function mergeUsageBuckets(buckets: UsageBucket[]): UsageBucket[] {
  const merged = new Map<string, UsageBucket>();
  for (const bucket of buckets) {
    const key = `${bucket.granularity}|${bucket.bucketStart}|${bucket.tier}|${bucket.tenant}`;
    const existing = merged.get(key);
    if (existing) {
      existing.coreHours += bucket.coreHours;
      existing.memoryGiBHours += bucket.memoryGiBHours;
    } else {
      merged.set(key, { ...bucket });
    }
  }
  return [...merged.values()];
}
