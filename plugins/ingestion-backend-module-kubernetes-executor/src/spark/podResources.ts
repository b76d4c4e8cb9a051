import {
  SparkRole,
  splitPodMemory,
} from '@internal/backstage-plugin-ingestion-node';

/** What Spark is told for one driver or executor so that its pod holds exactly the memory allocated to it. */
export interface SparkMemory {
  /** JVM heap, Spark's `memory` (e.g. "640m"). */
  memory: string;
  /** The rest of the container, Spark's `memoryOverhead` (e.g. "384m"). */
  memoryOverhead: string;
}

/**
 * What Spark is told for a pod allocated `allocatedMiB`: the heap and overhead of the shared rule
 * (`splitPodMemory` in ingestion-node), so the pod's memory request equals the allocation the scheduler placed and
 * the namespace's ResourceQuota, which holds exactly the registry's Spark Units, never refuses an admitted run.
 */
export function sparkMemory(
  allocatedMiB: number,
  role: SparkRole,
): SparkMemory {
  const { heapMiB, overheadMiB } = splitPodMemory(allocatedMiB, role);
  return { memory: `${heapMiB}m`, memoryOverhead: `${overheadMiB}m` };
}

/** A CPU quantity as Kubernetes writes it: whole cores as integers, fractions in millicores. */
export function cpuQuantity(cores: number): string {
  if (!(cores > 0)) {
    throw new Error(`cores must be positive, got ${cores}`);
  }
  return Number.isInteger(cores)
    ? String(cores)
    : `${Math.round(cores * 1000)}m`;
}
