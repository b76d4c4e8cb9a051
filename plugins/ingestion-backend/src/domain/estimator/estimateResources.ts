import { InputError } from '@backstage/errors';
import {
  EstimateBasis,
  EstimateRequest,
  ResourceEstimate,
  SizeOption,
  SparkUnitSize,
} from '@internal/backstage-plugin-ingestion-common';
import { validateSchedule } from '../scheduling/scheduleExpansion';
import { CapacityPrices, compareCosts } from './costComparison';
import {
  CONSERVATIVE_PRIOR,
  DurationPrior,
  RunObservation,
  fitDurationModel,
} from './durationModel';
import { resourcesForUnits } from './unitSizing';

/** The runs an estimate may learn from, gathered by the caller (the estimator itself reads nothing). */
export interface EstimatorHistory {
  /** Finished runs of the job being estimated (none for a job not yet created). */
  jobRuns: readonly RunObservation[];
  /** Finished runs of other jobs with the same source type, target type and format. */
  similarRuns: readonly RunObservation[];
  /** How many jobs `similarRuns` come from. */
  similarJobs: number;
}

export interface EstimatorSettings {
  sparkUnitSize: SparkUnitSize;
  prices: CapacityPrices;
  /** Of the duration interval (default 0.9). */
  confidence?: number;
  /** The largest size considered (default 32 units). */
  maxUnits?: number;
  /** A job's own runs replace similar jobs' once it has this many (default 3). */
  minJobRuns?: number;
  prior?: DurationPrior;
}

const SECONDS_PER_MINUTE = 60;
const GIB = 1024 ** 3;

/**
 * The one sizing rule of the service: how many Ingestion Units a run needs to read `dataVolumeGiB` within the
 * desired time, how long it will take (with an interval), and what a month of it costs under each purchase model.
 *
 * It learns from runs: the job's own once it has `minJobRuns`, until then similar jobs' (same source, target and
 * format) together with the job's few, and without any the conservative prior, labelled as such. The recommended
 * size is the smallest whose interval's upper end meets the desired time, so the recommendation is as cautious as
 * the evidence is thin.
 */
export function estimateResources(
  request: EstimateRequest,
  history: EstimatorHistory,
  settings: EstimatorSettings,
  runsPerMonth?: number,
): ResourceEstimate {
  assertEstimateRequest(request);
  const confidence = settings.confidence ?? 0.9;
  const maxUnits = settings.maxUnits ?? 32;
  const minJobRuns = settings.minJobRuns ?? 3;
  const { basis, runs } = chooseBasis(history, minJobRuns);
  const model = fitDurationModel(runs, settings.prior ?? CONSERVATIVE_PRIOR);
  const bytesIn = request.dataVolumeGiB * GIB;
  const deadlineSeconds = request.desiredCompletionMinutes * SECONDS_PER_MINUTE;

  const options: SizeOption[] = [];
  for (let units = 1; units <= maxUnits; units++) {
    const size = resourcesForUnits(units, settings.sparkUnitSize);
    if (!size) continue;
    // A source read with N partitions keeps at most N cores busy; more only wait.
    const usefulCores = Math.min(
      size.demand.cores,
      request.partitions ?? Number.POSITIVE_INFINITY,
    );
    const prediction = model.predict(bytesIn, usefulCores, confidence);
    options.push({
      ingestionUnits: units,
      cores: size.demand.cores,
      duration: {
        expectedMinutes: prediction.seconds / SECONDS_PER_MINUTE,
        lowMinutes: prediction.lowSeconds / SECONDS_PER_MINUTE,
        highMinutes: prediction.highSeconds / SECONDS_PER_MINUTE,
        confidence,
      },
      meetsDeadline: prediction.highSeconds <= deadlineSeconds,
    });
  }
  if (options.length === 0) {
    throw new InputError(
      `ingestion.sparkUnit: ${maxUnits} Spark Units of ${settings.sparkUnitSize.cores} cores and ${settings.sparkUnitSize.memoryGiB} GiB cannot hold a driver and one executor`,
    );
  }
  // Smallest size that meets the deadline; when none does, the fastest (more units past the partitions' cap only
  // cost more, so the first of equally fast sizes).
  const chosen =
    options.find(o => o.meetsDeadline) ??
    options.reduce((best, o) =>
      o.duration.highMinutes < best.duration.highMinutes - 1e-9 ? o : best,
    );
  const size = resourcesForUnits(
    chosen.ingestionUnits,
    settings.sparkUnitSize,
  )!;
  return {
    request,
    basis,
    basisLabel: describeBasis(basis, history, runs.length),
    history: {
      jobRuns: history.jobRuns.length,
      similarRuns: history.similarRuns.length,
      similarJobs: history.similarJobs,
    },
    model: {
      startupSeconds: model.startupSeconds,
      bytesPerCoreSecond: model.bytesPerCoreSecond,
    },
    recommendation: {
      ingestionUnits: chosen.ingestionUnits,
      resources: size.resources,
      cores: size.demand.cores,
      memoryMiB: size.demand.memoryMiB,
      meetsDeadline: chosen.meetsDeadline,
    },
    duration: chosen.duration,
    cost: compareCosts({
      units: chosen.ingestionUnits,
      runCores: size.demand.cores,
      runHours: chosen.duration.expectedMinutes / 60,
      runsPerMonth,
      prices: settings.prices,
    }),
    options,
  };
}

function chooseBasis(
  history: EstimatorHistory,
  minJobRuns: number,
): { basis: EstimateBasis; runs: readonly RunObservation[] } {
  if (history.jobRuns.length >= minJobRuns) {
    return { basis: 'job', runs: history.jobRuns };
  }
  const pooled = [...history.similarRuns, ...history.jobRuns];
  if (pooled.length > 0) return { basis: 'similar', runs: pooled };
  return { basis: 'prior', runs: [] };
}

function describeBasis(
  basis: EstimateBasis,
  history: EstimatorHistory,
  runs: number,
): string {
  const plural = (n: number, word: string) =>
    `${n} ${word}${n === 1 ? '' : 's'}`;
  if (basis === 'job') return `${plural(runs, 'run')} of this job`;
  if (basis === 'similar') {
    const own = history.jobRuns.length
      ? ` and ${plural(history.jobRuns.length, 'run')} of this job`
      : '';
    return `${plural(history.similarRuns.length, 'run')} of ${plural(
      history.similarJobs,
      'similar job',
    )}${own}`;
  }
  return 'no history: conservative prior, wide interval';
}

/** Checks a request from outside, naming the field at fault. */
export function assertEstimateRequest(request: EstimateRequest): void {
  const positive = (field: keyof EstimateRequest, value: unknown) => {
    if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
      throw new InputError(`${field}: must be a positive number, got ${value}`);
    }
  };
  positive('dataVolumeGiB', request.dataVolumeGiB);
  positive('desiredCompletionMinutes', request.desiredCompletionMinutes);
  if (
    request.partitions !== undefined &&
    !(Number.isInteger(request.partitions) && request.partitions >= 1)
  ) {
    throw new InputError(
      `partitions: must be a whole number, at least 1, got ${request.partitions}`,
    );
  }
  if (request.format !== undefined && request.sourceType !== 's3') {
    throw new InputError(
      `format: only S3 sources have a file format, not ${request.sourceType}`,
    );
  }
  if (request.schedule !== undefined) validateSchedule(request.schedule);
}
