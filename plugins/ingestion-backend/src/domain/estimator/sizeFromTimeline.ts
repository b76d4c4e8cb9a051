import {
  CostComparison,
  JobResources,
  SparkUnitSize,
} from '@internal/backstage-plugin-ingestion-common';
import { CapacityPrices, compareCosts } from './costComparison';
import { resimulateDuration } from './resimulateRun';
import { TaskTimeline } from './taskTimeline';
import { resourcesForUnits } from './unitSizing';

/** One size the re-simulation tried. */
export interface ResimulatedSize {
  ingestionUnits: number;
  /** Executor task slots (executors × cores each): what the replay places tasks on. */
  taskSlots: number;
  predictedMinutes: number;
  meetsSla: boolean;
}

export interface TimelineSizing {
  sizes: ResimulatedSize[];
  /** The smallest size that meets the SLA, or the fastest when none does. */
  recommendation: ResimulatedSize & {
    resources: JobResources;
    cores: number;
    memoryMiB: number;
  };
  cost: CostComparison;
  /** What was missing from the event log (see parseEventLog). */
  gaps: string[];
}

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
