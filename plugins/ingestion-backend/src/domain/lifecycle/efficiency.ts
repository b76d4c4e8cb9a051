import {
  JobResources,
  RunEfficiency,
  RunMetricsRecord,
} from '@internal/backstage-plugin-ingestion-common';

/** Below this share of its allocation, consistently, a job is told to ask for less (Requirement 11.3). */
export const UNDER_USE_THRESHOLD = 0.6;
/** ...consistently meaning in each of its last this many measured runs. */
export const UNDER_USE_RUNS = 5;
/** A reduced request aims at this share of use, so a slightly busier run still fits. */
export const REDUCED_TARGET_USE = 0.8;

const MIB = 1024 * 1024;

/**
 * Actual against allocated (Requirement 11.2): CPU time over allocated cores × duration, and peak memory over
 * allocated memory. Undefined for a run without metrics.
 */
export function runEfficiency(run: {
  allocatedCores: number;
  allocatedMemoryMiB: number;
  metrics?: RunMetricsRecord;
}): RunEfficiency | undefined {
  const m = run.metrics;
  if (!m || !(m.durationMs > 0)) return undefined;
  return {
    cpu: m.cpuTimeMs / (run.allocatedCores * m.durationMs),
    memory: m.peakMemoryBytes / (run.allocatedMemoryMiB * MIB),
  };
}

/** A smaller request for a job whose last runs used less than 60% of what they were given, with the numbers. */
export interface UnderUse {
  resource: 'cpu' | 'memory';
  /** Highest use among the runs looked at (a fraction of the allocation). */
  highestUse: number;
  runs: number;
  resources: JobResources;
}

/**
 * What to request less of, judged on the last `UNDER_USE_RUNS` measured runs (newest first): a resource is
 * under-used when every one of them used less than 60% of it. The reduced request keeps the busiest of those
 * runs at 80% of the new allocation.
 */
export function underUse(
  efficienciesNewestFirst: readonly RunEfficiency[],
  resources: JobResources,
): UnderUse[] {
  const recent = efficienciesNewestFirst.slice(0, UNDER_USE_RUNS);
  if (recent.length < UNDER_USE_RUNS) return [];
  const found: UnderUse[] = [];
  const cpu = Math.max(...recent.map(e => e.cpu));
  if (cpu < UNDER_USE_THRESHOLD) {
    const allocatedCores =
      resources.driverCores +
      resources.executorInstances * resources.executorCores;
    const coresWanted = (cpu * allocatedCores) / REDUCED_TARGET_USE;
    const instances = Math.max(
      1,
      Math.ceil(
        (coresWanted - resources.driverCores) / resources.executorCores,
      ),
    );
    if (instances < resources.executorInstances) {
      found.push({
        resource: 'cpu',
        highestUse: cpu,
        runs: recent.length,
        resources: { ...resources, executorInstances: instances },
      });
    }
  }
  const memory = Math.max(...recent.map(e => e.memory));
  if (memory < UNDER_USE_THRESHOLD) {
    const scale = memory / REDUCED_TARGET_USE;
    const reduced = {
      ...resources,
      executorMemoryGiB: Math.max(
        1,
        Math.ceil(resources.executorMemoryGiB * scale),
      ),
      driverMemoryGiB: Math.max(
        1,
        Math.ceil(resources.driverMemoryGiB * scale),
      ),
    };
    if (
      reduced.executorMemoryGiB < resources.executorMemoryGiB ||
      reduced.driverMemoryGiB < resources.driverMemoryGiB
    ) {
      found.push({
        resource: 'memory',
        highestUse: memory,
        runs: recent.length,
        resources: reduced,
      });
    }
  }
  return found;
}
