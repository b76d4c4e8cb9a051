import { JobResources } from '@internal/backstage-plugin-ingestion-common';

/** A sized job aims at this share of its SLA, leaving headroom for runs slower than the measured one. */
export const SLA_TARGET_SHARE = 0.9;
/** The most executors a job may ask for (the job schema's limit). */
export const MAX_EXECUTOR_INSTANCES = 64;

/** Work one executor core gets through per second: data read (bytes, or records when no bytes were counted). */
export interface CoreThroughput {
  unitsPerCoreSecond: number;
}

/** The throughput a finished run measured, per executor core. */
export function measuredCoreThroughput(
  metrics: { durationMs: number; bytesIn: number; recordsIn: number },
  resources: Pick<JobResources, 'executorInstances' | 'executorCores'>,
): CoreThroughput {
  const work = workOf(metrics);
  const coreSeconds =
    (Math.max(metrics.durationMs, 1) / 1000) *
    resources.executorInstances *
    resources.executorCores;
  return { unitsPerCoreSecond: work / coreSeconds };
}

/** The work a run did, in the units `measuredCoreThroughput` counts. */
export function workOf(metrics: { bytesIn: number; recordsIn: number }) {
  return metrics.bytesIn || metrics.recordsIn || 1;
}

/**
 * The one sizing rule: the executors that get `work` done within `targetDurationMs` at `throughput`, keeping the
 * cores and memory of each executor and the driver as they are. Used for the recommendation after a slow draft run,
 * from that run's own throughput; an estimator can feed it a throughput learnt from similar jobs.
 */
export function resourcesForDuration(input: {
  resources: JobResources;
  work: number;
  throughput: CoreThroughput;
  targetDurationMs: number;
}): JobResources {
  const { resources, work, throughput } = input;
  const coresNeeded =
    work / (throughput.unitsPerCoreSecond * (input.targetDurationMs / 1000));
  const instances = Math.ceil(coresNeeded / resources.executorCores - 1e-9);
  return {
    ...resources,
    executorInstances: Math.min(MAX_EXECUTOR_INSTANCES, Math.max(1, instances)),
  };
}
