import { JobResources } from '@internal/backstage-plugin-ingestion-common';
import { runEfficiency, underUse } from './efficiency';

const resources: JobResources = {
  executorInstances: 4,
  executorCores: 2,
  executorMemoryGiB: 8,
  driverCores: 1,
  driverMemoryGiB: 4,
};
const metrics = {
  durationMs: 600_000,
  cpuTimeMs: 0,
  executorRunTimeMs: 0,
  peakMemoryBytes: 0,
  bytesIn: 0,
  bytesOut: 0,
  recordsIn: 0,
  recordsOut: 0,
};

describe('runEfficiency', () => {
  it('compares CPU time with allocated cores × duration, and peak memory with allocated memory', () => {
    expect(
      runEfficiency({
        allocatedCores: 4,
        allocatedMemoryMiB: 2048,
        metrics: {
          ...metrics,
          cpuTimeMs: 4 * 600_000 * 0.25,
          peakMemoryBytes: 1024 * 1024 * 1024,
        },
      }),
    ).toEqual({ cpu: 0.25, memory: 0.5 });
  });

  it('has nothing to say about a run without metrics', () => {
    expect(
      runEfficiency({ allocatedCores: 4, allocatedMemoryMiB: 2048 }),
    ).toBeUndefined();
  });
});

describe('underUse', () => {
  const five = (cpu: number, memory: number) =>
    Array.from({ length: 5 }, () => ({ cpu, memory }));

  it('recommends fewer executors when each of the last 5 runs used less than 60% of the CPU', () => {
    // 9 cores allocated, at most 30% used: 2.7 cores, at 80% use → 3.375 cores: the driver and 2 executors of 2 cores.
    const [cpu] = underUse(five(0.3, 0.9), resources);
    expect(cpu).toEqual({
      resource: 'cpu',
      highestUse: 0.3,
      runs: 5,
      resources: { ...resources, executorInstances: 2 },
    });
  });

  it('recommends less memory when each of the last 5 runs used less than 60% of it', () => {
    const found = underUse(five(0.9, 0.2), resources);
    expect(found).toEqual([
      {
        resource: 'memory',
        highestUse: 0.2,
        runs: 5,
        resources: { ...resources, executorMemoryGiB: 2, driverMemoryGiB: 1 },
      },
    ]);
  });

  it('says nothing at 60% or more in any one of the last 5 runs', () => {
    const runs = [...five(0.3, 0.3)];
    runs[2] = { cpu: 0.6, memory: 0.6 };
    expect(underUse(runs, resources)).toEqual([]);
  });

  it('waits for 5 measured runs', () => {
    expect(underUse(five(0.1, 0.1).slice(0, 4), resources)).toEqual([]);
  });
});
