import {
  IngestionRun,
  JobResources,
} from '@internal/backstage-plugin-ingestion-common';
import {
  meetSlaRecommendation,
  underUseRecommendations,
} from './recommendations';
import { fitDurationModel } from '../estimator/durationModel';
import { runObservations } from '../estimator/runObservations';

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
  const MiB = 1024 * 1024;
  // Three runs of 3600 MiB on 2 executors × 2 cores (+1 driver core), 29-31 min each, the newest over its SLA.
  const history = [30, 29, 31].map((durationMin, i) =>
    run({
      id: `run-${i + 1}`,
      metrics: { ...run({}).metrics!, durationMs: durationMin * MIN },
      ...(i === 0 && { slaOverrun: 0.5 }),
    }),
  );
  const coresWith = (executorInstances: number) =>
    executorInstances * resources.executorCores + resources.driverCores;

  it('recommends the fewest executors whose predicted duration’s upper end is within the SLA, by the estimator', () => {
    const recommendation = meetSlaRecommendation(
      history[0],
      { resources, estimates: { slaMinutes: 20 } as any },
      { recentRuns: history, confidence: 0.9 },
    )!;

    const model = fitDurationModel(runObservations(history));
    const upperEnd = (instances: number) =>
      model.predict(3600 * MiB, coresWith(instances), 0.9).highSeconds;
    const recommended = recommendation.resources.executorInstances;
    expect(recommended).toBeGreaterThan(resources.executorInstances);
    expect(upperEnd(recommended)).toBeLessThanOrEqual(20 * 60);
    expect(upperEnd(recommended - 1)).toBeGreaterThan(20 * 60);
    expect(recommendation.resources).toEqual({
      ...resources,
      executorInstances: recommended,
    });
    expect(recommendation.runIds).toEqual(['run-1', 'run-2', 'run-3']);
    expect(recommendation.message).toMatch(
      /^Run took 30\.0 min against an SLA of 20 min \(50% over\)\. From 3 measured run\(s\) of this job .*, \d+ executor\(s\) × 2 core\(s\) \/ 4 GiB, driver 1 core\(s\) \/ 2 GiB would take [\d.]+ min \(90% interval [\d.]+–[\d.]+ min\), within the SLA \(now 2 executor\(s\)/,
    );
  });

  it('learns from the over-SLA run alone when it is the only measured one', () => {
    const recommendation = meetSlaRecommendation(
      history[0],
      { resources, estimates: { slaMinutes: 20 } as any },
      { recentRuns: [], confidence: 0.9 },
    )!;
    expect(recommendation.runIds).toEqual(['run-1']);
    expect(recommendation.resources.executorInstances).toBeGreaterThan(2);
  });

  it('says so and keeps the resources when start-up alone exceeds the SLA', () => {
    // 10 minutes for a few KiB: all start-up, which more executors do not shorten.
    const slowStart = [10, 11, 10].map((durationMin, i) =>
      run({
        id: `run-${i + 1}`,
        metrics: {
          ...run({}).metrics!,
          durationMs: durationMin * MIN,
          bytesIn: 4096,
        },
        slaOverrun: 1,
      }),
    );
    const recommendation = meetSlaRecommendation(
      slowStart[0],
      { resources, estimates: { slaMinutes: 5 } as any },
      { recentRuns: slowStart, confidence: 0.9 },
    )!;
    expect(recommendation.resources).toEqual(resources);
    expect(recommendation.message).toContain(
      'over the SLA: more executors cannot meet it',
    );
  });

  it('has nothing to recommend for a run within its SLA or without metrics', () => {
    const job = { resources, estimates: { slaMinutes: 30 } as any };
    const options = { recentRuns: history, confidence: 0.9 };
    expect(
      meetSlaRecommendation(run({ slaOverrun: 0 }), job, options),
    ).toBeUndefined();
    expect(
      meetSlaRecommendation(
        run({ slaOverrun: 0.3, metrics: undefined }),
        job,
        options,
      ),
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
