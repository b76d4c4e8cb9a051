import {
  RunReplayEstimate,
  SparkUnitSize,
} from '@internal/backstage-plugin-ingestion-common';
import { CapacityPrices, compareCosts } from './costComparison';
import { resimulateDuration } from './resimulateRun';
import { TaskTimeline } from './taskTimeline';
import { resourcesForUnits } from './unitSizing';

/** Sizing from a run's replayed timeline: the API's answer without the run's identity. */
export type TimelineSizing = Omit<RunReplayEstimate, 'runId' | 'slaMinutes'>;
type ResimulatedSize = TimelineSizing['sizes'][number];

/**
 * After a run, sizing from its own task timeline rather than from throughput: replays the run at each size up to
 * `maxUnits` and picks the smallest that finishes within the SLA, priced under both purchase models.
 */
export function sizeFromTimeline(options: {
  timeline: TaskTimeline;
  slaMinutes: number;
  sparkUnitSize: SparkUnitSize;
  prices: CapacityPrices;
  runsPerMonth?: number;
  maxUnits?: number;
}): TimelineSizing {
  const { timeline, slaMinutes, sparkUnitSize } = options;
  const sizes: Array<ResimulatedSize & { units: number }> = [];
  for (let units = 1; units <= (options.maxUnits ?? 32); units++) {
    const size = resourcesForUnits(units, sparkUnitSize);
    if (!size) continue;
    const taskSlots =
      size.resources.executorInstances * size.resources.executorCores;
    const predictedMinutes = resimulateDuration(timeline, taskSlots) / 60_000;
    sizes.push({
      units,
      ingestionUnits: units,
      taskSlots,
      predictedMinutes,
      meetsSla: predictedMinutes <= slaMinutes,
    });
  }
  if (sizes.length === 0) {
    throw new Error('No size up to the limit holds a driver and one executor');
  }
  const chosen =
    sizes.find(s => s.meetsSla) ??
    sizes.reduce((best, s) =>
      s.predictedMinutes < best.predictedMinutes - 1e-9 ? s : best,
    );
  const size = resourcesForUnits(chosen.units, sparkUnitSize)!;
  return {
    sizes: sizes.map(({ units: _units, ...s }) => s),
    recommendation: {
      ingestionUnits: chosen.ingestionUnits,
      taskSlots: chosen.taskSlots,
      predictedMinutes: chosen.predictedMinutes,
      meetsSla: chosen.meetsSla,
      resources: size.resources,
      cores: size.demand.cores,
      memoryMiB: size.demand.memoryMiB,
    },
    cost: compareCosts({
      units: chosen.units,
      runCores: size.demand.cores,
      runHours: chosen.predictedMinutes / 60,
      runsPerMonth: options.runsPerMonth,
      prices: options.prices,
    }),
    gaps: timeline.gaps,
  };
}
