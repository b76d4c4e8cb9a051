import { JobResources } from '@internal/backstage-plugin-ingestion-common';
import { measuredCoreThroughput, resourcesForDuration } from './resourceSizing';

const resources: JobResources = {
  executorInstances: 2,
  executorCores: 2,
  executorMemoryGiB: 4,
  driverCores: 1,
  driverMemoryGiB: 2,
};

describe('resource sizing', () => {
  it('measures the throughput per executor core of a run', () => {
    // 4 executor cores read 4800 MiB in 10 minutes: 2 MiB/s per core.
    const throughput = measuredCoreThroughput(
      { durationMs: 600_000, bytesIn: 4800 * 1024 * 1024, recordsIn: 1 },
      resources,
    );
    expect(throughput.unitsPerCoreSecond).toBeCloseTo(2 * 1024 * 1024);
  });

  it('sizes the executors that do the same work within a target duration', () => {
    const throughput = { unitsPerCoreSecond: 2 * 1024 * 1024 };
    // 4800 MiB within 5 minutes at 2 MiB/s per core: 8 cores, so 4 executors of 2 cores.
    expect(
      resourcesForDuration({
        resources,
        work: 4800 * 1024 * 1024,
        throughput,
        targetDurationMs: 300_000,
      }),
    ).toEqual({ ...resources, executorInstances: 4 });
  });

  it('never asks for fewer than 1 or more than 64 executors', () => {
    const throughput = { unitsPerCoreSecond: 1 };
    expect(
      resourcesForDuration({
        resources,
        work: 1,
        throughput,
        targetDurationMs: 3_600_000,
      }).executorInstances,
    ).toBe(1);
    expect(
      resourcesForDuration({
        resources,
        work: 1e12,
        throughput,
        targetDurationMs: 60_000,
      }).executorInstances,
    ).toBe(64);
  });
});
