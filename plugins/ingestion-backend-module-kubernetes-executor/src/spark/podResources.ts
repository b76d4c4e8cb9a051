/** What Spark is told for one driver or executor so that its pod holds exactly the memory allocated to it. */
export interface SparkMemory {
  /** JVM heap, Spark's `memory` (e.g. "640m"). */
  memory: string;
  /** The rest of the container, Spark's `memoryOverhead` (e.g. "384m"). */
  memoryOverhead: string;
}

/**
 * Splits the memory a run was allocated for one pod into heap and overhead. Spark sizes a pod as heap plus
 * overhead (by default at least 384 MiB, a factor of the heap above that); left to itself, a pod
 * allocated 1 GiB would ask Kubernetes for 1.4 GiB and the namespace's ResourceQuota, which holds exactly the
 * registry's Spark Units, would refuse runs that the scheduler admitted. So the overhead is carved out of the
 * allocation instead: the pod's memory request equals the allocation.
 *
 * The driver keeps a larger share (25%, at least 512 MiB) because the PySpark driver process lives outside the
 * JVM heap; executors run no Python (the application has no UDFs) and keep Spark's JVM default (10%, at least
 * 384 MiB). The heap never falls below half of the allocation.
 */
export function splitPodMemory(
  allocatedMiB: number,
  role: 'driver' | 'executor',
): SparkMemory {
  if (!Number.isFinite(allocatedMiB) || allocatedMiB < 512) {
    throw new Error(
      `a Spark ${role} needs at least 512 MiB of memory, got ${allocatedMiB} MiB`,
    );
  }
  const total = Math.floor(allocatedMiB);
  const [share, floor] = role === 'driver' ? [0.25, 512] : [0.1, 384];
  const overhead = Math.min(
    Math.max(floor, Math.ceil(total * share)),
    Math.floor(total / 2),
  );
  return { memory: `${total - overhead}m`, memoryOverhead: `${overhead}m` };
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
