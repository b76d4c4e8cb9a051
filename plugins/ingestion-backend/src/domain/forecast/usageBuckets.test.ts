import {
  DAY_MS,
  HOUR_MS,
  mergeUsageBuckets,
  usageBucketsOf,
} from './usageBuckets';

const midnight = Date.UTC(2026, 10, 2);

describe('usageBucketsOf', () => {
  it('splits a run across the hours and days it spans, in allocated core-hours and GiB-hours', () => {
    const buckets = usageBucketsOf({
      tier: 'vcore-hours',
      tenant: 'group:default/team-orion',
      allocatedCores: 4,
      allocatedMemoryMiB: 8192,
      startedAt: midnight - 30 * 60_000,
      finishedAt: midnight + 90 * 60_000,
    });
    const hours = buckets.filter(b => b.granularity === 'hour');
    expect(hours.map(b => [b.bucketStart - midnight, b.coreHours])).toEqual([
      [-HOUR_MS, 2],
      [0, 4],
      [HOUR_MS, 2],
    ]);
    const days = buckets.filter(b => b.granularity === 'day');
    expect(days.map(b => [b.bucketStart - midnight, b.coreHours])).toEqual([
      [-DAY_MS, 2],
      [0, 6],
    ]);
    expect(days.reduce((sum, b) => sum + b.memoryGiBHours, 0)).toBe(16);
  });

  it('gives a run that never ran no buckets and refuses one that ends before it starts', () => {
    const run = {
      tier: 'draft',
      tenant: 't',
      allocatedCores: 1,
      allocatedMemoryMiB: 1024,
      startedAt: midnight,
      finishedAt: midnight,
    };
    expect(usageBucketsOf(run)).toEqual([]);
    expect(() => usageBucketsOf({ ...run, finishedAt: midnight - 1 })).toThrow(
      /before/,
    );
  });
});

describe('mergeUsageBuckets', () => {
  it('adds up buckets of the same tenant, tier and period and keeps others apart', () => {
    const run = (tenant: string, startedAt: number) =>
      usageBucketsOf({
        tier: 'dedicated',
        tenant,
        allocatedCores: 2,
        allocatedMemoryMiB: 1024,
        startedAt,
        finishedAt: startedAt + HOUR_MS / 2,
      });
    const merged = mergeUsageBuckets([
      ...run('a', midnight),
      ...run('a', midnight + HOUR_MS / 2),
      ...run('b', midnight),
    ]);
    const aDay = merged.find(b => b.tenant === 'a' && b.granularity === 'day');
    expect(aDay?.coreHours).toBe(2);
    expect(merged.filter(b => b.tenant === 'b')).toHaveLength(2);
    expect(merged).toHaveLength(4);
  });
});
