import { JobResources } from '@internal/backstage-plugin-ingestion-common';
import { runDemand } from '../scheduling/placement';
import { DurationModel, DurationPrediction } from './durationModel';

/** The most executors a job may ask for (the job schema's limit). */
export const MAX_EXECUTOR_INSTANCES = 64;

export interface ExecutorsForDeadline {
  /** The job's resources with the executor count that meets the deadline (or the most allowed, if none does). */
  resources: JobResources;
  prediction: DurationPrediction;
  meetsDeadline: boolean;
}

/**
 * The estimator's sizing criterion applied to a job's own executor shape: the fewest executors (each executor's
 * and the driver's cores and memory kept) whose predicted duration's upper end, at `confidence`, is within the
 * deadline. Cores are counted as runs are allocated (driver included), like the runs the model learnt from.
 */
export function executorsForDeadline(input: {
  model: DurationModel;
  bytesIn: number;
  resources: JobResources;
  deadlineSeconds: number;
  confidence: number;
}): ExecutorsForDeadline {
  const { model, bytesIn, resources, deadlineSeconds, confidence } = input;
  let last: ExecutorsForDeadline | undefined;
  for (let instances = 1; instances <= MAX_EXECUTOR_INSTANCES; instances++) {
    const sized = { ...resources, executorInstances: instances };
    const prediction = model.predict(
      bytesIn,
      runDemand(sized).cores,
      confidence,
    );
    last = {
      resources: sized,
      prediction,
      meetsDeadline: prediction.highSeconds <= deadlineSeconds,
    };
    if (last.meetsDeadline) return last;
  }
  return last!;
}
