import { EstimateRequest } from '@internal/backstage-plugin-ingestion-common';
import { EstimatorSettings, estimateResources } from './estimateResources';
import { RunObservation } from './durationModel';
import { resourcesForUnits } from './unitSizing';
import { runDemand } from '../scheduling/placement';

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;
const settings: EstimatorSettings = {
  sparkUnitSize: { cores: 4, memoryGiB: 16 },
  prices: { currency: 'EUR', dedicatedUnitPerMonth: 300, vcpuHour: 0.05 },
};
const request: EstimateRequest = {
  sourceType: 'postgres',
  targetType: 's3',
  dataVolumeGiB: 50,
  desiredCompletionMinutes: 30,
};
const NO_HISTORY = { jobRuns: [], similarRuns: [], similarJobs: 0 };

/** Runs of a world with a 30 s start-up and 40 MiB per core-second, exactly. */
const exactRuns = (
  n: number,
  bytesPerCoreSecond = 40 * MIB,
): RunObservation[] =>
  Array.from({ length: n }, (_, i) => {
    const bytesIn = (2 + 3 * i) * GIB;
    const cores = 2 + (i % 4) * 2;
    return {
      bytesIn,
      cores,
      durationSeconds: 30 + bytesIn / cores / bytesPerCoreSecond,
    };
  });

describe('estimateResources', () => {
  it('without history recommends from the conservative prior and says so', () => {
    const estimate = estimateResources(request, NO_HISTORY, settings);
    expect(estimate.basis).toBe('prior');
    expect(estimate.basisLabel).toMatch(/no history/);
    expect(estimate.duration.highMinutes).toBeCloseTo(
      2 * estimate.duration.expectedMinutes,
      6,
    );
    expect(estimate.recommendation.meetsDeadline).toBe(true);
  });

  it("uses the job's own runs once it has three, and similar jobs' before", () => {
    const similar = exactRuns(10, 10 * MIB);
    const own = exactRuns(3, 80 * MIB);
    const early = estimateResources(
      request,
      { jobRuns: own.slice(0, 2), similarRuns: similar, similarJobs: 4 },
      settings,
    );
    expect(early.basis).toBe('similar');
    expect(early.basisLabel).toBe(
      '10 runs of 4 similar jobs and 2 runs of this job',
    );
    const later = estimateResources(
      request,
      { jobRuns: own, similarRuns: similar, similarJobs: 4 },
      settings,
    );
    expect(later.basis).toBe('job');
    expect(later.basisLabel).toBe('3 runs of this job');
    // The job is eight times faster than its peers; once its own runs count, it needs fewer units.
    expect(later.recommendation.ingestionUnits).toBeLessThan(
      early.recommendation.ingestionUnits,
    );
  });

  it('changes its recommendation after every finished run', () => {
    const runs = exactRuns(8);
    const estimates = [3, 4, 5, 6].map(
      n =>
        estimateResources(
          request,
          { jobRuns: runs.slice(0, n), similarRuns: [], similarJobs: 0 },
          settings,
        ).duration,
    );
    for (let i = 1; i < estimates.length; i++) {
      expect(estimates[i]).not.toEqual(estimates[i - 1]);
      // More evidence, narrower interval.
      expect(estimates[i].highMinutes - estimates[i].lowMinutes).toBeLessThan(
        estimates[i - 1].highMinutes - estimates[i - 1].lowMinutes,
      );
    }
  });

  it('recommends the smallest size whose interval meets the desired time', () => {
    const estimate = estimateResources(
      { ...request, desiredCompletionMinutes: 3 },
      { jobRuns: exactRuns(10), similarRuns: [], similarJobs: 0 },
      settings,
    );
    const units = estimate.recommendation.ingestionUnits;
    expect(estimate.recommendation.meetsDeadline).toBe(true);
    expect(estimate.duration.highMinutes).toBeLessThanOrEqual(3);
    expect(units).toBeGreaterThan(1);
    const smaller = estimate.options.find(o => o.ingestionUnits === units - 1);
    expect(smaller?.meetsDeadline).toBe(false);
    // The resources it proposes fit in the units it names.
    expect(estimate.recommendation.cores).toBeLessThanOrEqual(units * 4);
    expect(estimate.recommendation.memoryMiB).toBeLessThanOrEqual(
      units * 16 * 1024,
    );
    expect(runDemand(estimate.recommendation.resources).cores).toBe(
      estimate.recommendation.cores,
    );
  });

  it('stops adding units past the partitions the source can read in parallel', () => {
    const estimate = estimateResources(
      { ...request, partitions: 4, desiredCompletionMinutes: 1 },
      { jobRuns: exactRuns(10), similarRuns: [], similarJobs: 0 },
      settings,
    );
    expect(estimate.recommendation.meetsDeadline).toBe(false);
    // 4 partitions keep at most 4 cores busy: the first size with 4 cores is as fast as any larger one.
    const firstWithFourCores = estimate.options.find(o => o.cores >= 4)!;
    expect(estimate.recommendation.ingestionUnits).toBe(
      firstWithFourCores.ingestionUnits,
    );
    for (const larger of estimate.options.filter(o => o.cores >= 4)) {
      expect(larger.duration).toEqual(firstWithFourCores.duration);
    }
  });

  it('prices both purchase models for the runs the schedule implies', () => {
    const estimate = estimateResources(
      request,
      { jobRuns: exactRuns(10), similarRuns: [], similarJobs: 0 },
      settings,
      720,
    );
    const { cost, recommendation, duration } = estimate;
    expect(cost.currency).toBe('EUR');
    expect(cost.runsPerMonth).toBe(720);
    expect(cost.runsPerMonthAssumed).toBe(false);
    expect(cost.dedicated.amount).toBe(recommendation.ingestionUnits * 300);
    expect(cost.vcpuHours.amount).toBeCloseTo(
      720 * recommendation.cores * (duration.expectedMinutes / 60) * 0.05,
      1,
    );
    expect(cost.cheaper).toBe(
      cost.dedicated.amount < cost.vcpuHours.amount
        ? 'dedicated'
        : 'vcpu-hours',
    );
    expect(cost.savings).toBeCloseTo(
      Math.abs(cost.dedicated.amount - cost.vcpuHours.amount),
      2,
    );
    const unscheduled = estimateResources(request, NO_HISTORY, settings);
    expect(unscheduled.cost.runsPerMonthAssumed).toBe(true);
    expect(unscheduled.cost.runsPerMonth).toBe(30);
  });

  it('refuses bad input, naming the field', () => {
    expect(() =>
      estimateResources({ ...request, dataVolumeGiB: 0 }, NO_HISTORY, settings),
    ).toThrow(/dataVolumeGiB: must be a positive number/);
    expect(() =>
      estimateResources(
        { ...request, desiredCompletionMinutes: -5 },
        NO_HISTORY,
        settings,
      ),
    ).toThrow(/desiredCompletionMinutes/);
    expect(() =>
      estimateResources({ ...request, partitions: 1.5 }, NO_HISTORY, settings),
    ).toThrow(/partitions: must be a whole number/);
    expect(() =>
      estimateResources({ ...request, format: 'csv' }, NO_HISTORY, settings),
    ).toThrow(/format: only S3 sources/);
    expect(() =>
      estimateResources(
        {
          ...request,
          schedule: { type: 'cron', expression: 'often', timezone: 'UTC' },
        },
        NO_HISTORY,
        settings,
      ),
    ).toThrow(/schedule/);
  });
});

describe('resourcesForUnits', () => {
  it('fits a driver and executors, memory overhead included, within the units', () => {
    for (const units of [1, 2, 5, 16]) {
      const size = resourcesForUnits(units, { cores: 4, memoryGiB: 16 })!;
      expect(size.demand.cores).toBeLessThanOrEqual(units * 4);
      expect(size.demand.memoryMiB).toBeLessThanOrEqual(units * 16 * 1024);
      expect(size.resources.executorInstances).toBeGreaterThanOrEqual(1);
    }
    expect(resourcesForUnits(1, { cores: 1, memoryGiB: 2 })).toBeUndefined();
  });
});
