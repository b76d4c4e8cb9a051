import { fitDurationModel, RunObservation } from '../estimator/durationModel';
import { expectedDurationMs } from './expectedDuration';

/**
 * A finished run as the calendar sees it: its size, what it read (0 when unknown), how long it ran by its
 * metrics, and how long it held its slice.
 */
export interface MeasuredRun extends RunObservation {
  heldMs: number;
}

/**
 * The duration the calendar reserves for each run of a job at its current size (`cores`, driver included).
 *
 * Runs measured at this size are the best evidence: their p90 (`expectedDurationMs`). When the job has runs only at
 * other sizes (it was resized), their durations say nothing directly about the new size, so the estimator's
 * duration model, fitted to those runs, predicts the new size: the upper end of its interval at `confidence`, for
 * the median volume the runs read. Without any measured run, the tenant's estimate.
 */
export function reservedRunDurationMs(input: {
  estimateMinutes: number;
  cores: number;
  /** Newest first. */
  measured: readonly MeasuredRun[];
  confidence: number;
}): number {
  const { cores, measured } = input;
  const sameSize = measured.filter(run => run.cores === cores);
  // Runs that report no volume (an executor without metrics) can only be used at their own size.
  const modelled = measured.filter(run => run.bytesIn > 0);
  if (sameSize.length > 0 || modelled.length === 0) {
    return expectedDurationMs(
      input.estimateMinutes,
      sameSize.map(run => run.heldMs).reverse(),
    );
  }
  const volumes = modelled.map(run => run.bytesIn).sort((a, b) => a - b);
  const medianVolume = volumes[Math.floor((volumes.length - 1) / 2)];
  const prediction = fitDurationModel(modelled).predict(
    medianVolume,
    cores,
    input.confidence,
  );
  return Math.max(60_000, Math.ceil(prediction.highSeconds * 1000));
}
