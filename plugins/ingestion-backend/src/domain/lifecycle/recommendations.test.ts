import {
  IngestionRun,
  JobResources,
} from '@internal/backstage-plugin-ingestion-common';
import {
  meetSlaRecommendation,
  underUseRecommendations,
} from './recommendations';

const resources: JobResources = {
  executorInstances: 2,
  executorCores: 2,
  executorMemoryGiB: 4,
  driverCores: 1,
  driverMemoryGiB: 2,
};
const MIN = 60_000;

const run = (overrides: Partial<IngestionRun>): IngestionRun =>
  ({
    id: 'run-1',
    state: 'succeeded',
    allocatedCores: 5,
    allocatedMemoryMiB: 12_000,
    metrics: {
      durationMs: 30 * MIN,
      cpuTimeMs: 0,
      executorRunTimeMs: 0,
      peakMemoryBytes: 0,
      bytesIn: 3600 * 1024 * 1024,
      bytesOut: 0,
      recordsIn: 0,
      recordsOut: 0,
    },
    ...overrides,
  } as IngestionRun);

describe('meetSlaRecommendation', () => {
  it('recommends the executors that meet 90% of the SLA at the run’s measured throughput, with the numbers', () => {
    // 3600 MiB by 4 executor cores in 30 min = 0.5 MiB/s per core; 18 min (90% of 20) needs 6.67 cores: 4 executors.
    const recommendation = meetSlaRecommendation(run({ slaOverrun: 0.5 }), {
      resources,
      estimates: { slaMinutes: 20 } as any,
    });
    expect(recommendation).toEqual({
      kind: 'meet-sla',
      resources: { ...resources, executorInstances: 4 },
      runIds: ['run-1'],
      message:
        'Run took 30.0 min against an SLA of 20 min (50% over). At its measured 512.0 KiB/s per executor core, ' +
        '4 executor(s) × 2 core(s) / 4 GiB, driver 1 core(s) / 2 GiB would finish within 90% of the SLA ' +
        '(now 2 executor(s) × 2 core(s) / 4 GiB, driver 1 core(s) / 2 GiB).',
    });
  });

  it('has nothing to recommend for a run within its SLA or without metrics', () => {
    const job = { resources, estimates: { slaMinutes: 30 } as any };
    expect(meetSlaRecommendation(run({ slaOverrun: 0 }), job)).toBeUndefined();
    expect(
      meetSlaRecommendation(run({ slaOverrun: 0.3, metrics: undefined }), job),
    ).toBeUndefined();
  });
});

describe('underUseRecommendations', () => {
  it('names the runs it is computed from', () => {
    const idle = (id: string) =>
      run({
        id,
        metrics: {
          ...run({}).metrics!,
          cpuTimeMs: 0.2 * 5 * 30 * MIN,
          peakMemoryBytes: 0.9 * 12_000 * 1024 * 1024,
        },
      });
    const runs = ['a', 'b', 'c', 'd', 'e', 'f'].map(idle);
    const [cpu, ...rest] = underUseRecommendations(runs, { resources });
    expect(rest).toEqual([]);
    expect(cpu).toMatchObject({
      kind: 'reduce-cpu',
      runIds: ['a', 'b', 'c', 'd', 'e'],
      resources: { ...resources, executorInstances: 1 },
      message: expect.stringMatching(
        /^The last 5 runs used at most 20% of their allocated CPU/,
      ),
    });
  });
});
