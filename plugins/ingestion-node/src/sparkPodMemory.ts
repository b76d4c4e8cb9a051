/** The two kinds of Spark process a run starts. */
export type SparkRole = 'driver' | 'executor';

/**
 * Memory a Spark process needs beyond its JVM heap (Spark's `memoryOverhead`): a share of the heap, at least a
 * floor. The PySpark driver keeps more (25%, at least 512 MiB) because its Python process lives outside the heap;
 * executors run no Python (the application has no UDFs) and keep Spark's JVM default (10%, at least 384 MiB).
 *
 * @public
 */
export const SPARK_MEMORY_OVERHEAD: Readonly<
  Record<SparkRole, { factor: number; minimumMiB: number }>
> = {
  driver: { factor: 0.25, minimumMiB: 512 },
  executor: { factor: 0.1, minimumMiB: 384 },
};

/** The smallest pod this rule splits: enough for the overhead floor and a usable heap. @public */
export const MIN_POD_MEMORY_MIB = 512;

function overheadOf(heapMiB: number, role: SparkRole): number {
  const { factor, minimumMiB } = SPARK_MEMORY_OVERHEAD[role];
  return Math.max(minimumMiB, Math.ceil(heapMiB * factor));
}

/**
 * The one memory-overhead rule, forwards: the memory a pod (or, in local mode, a process) is allocated for a heap
 * the job asked for. Placement counts this, the run stamps it, and the namespace's ResourceQuota sees it.
 *
 * @public
 */
export function podMemoryMiB(heapMiB: number, role: SparkRole): number {
  const heap = Math.ceil(heapMiB);
  return heap + overheadOf(heap, role);
}

/**
 * The same rule backwards, for the executors: the largest heap whose pod fits the allocation, and the rest as
 * overhead, so heap + overhead is exactly what the run was allocated (`splitPodMemory(podMemoryMiB(h)).heapMiB`
 * is `h`).
 *
 * @public
 */
export function splitPodMemory(
  allocatedMiB: number,
  role: SparkRole,
): { heapMiB: number; overheadMiB: number } {
  if (!Number.isFinite(allocatedMiB) || allocatedMiB < MIN_POD_MEMORY_MIB) {
    throw new Error(
      `a Spark ${role} needs at least ${MIN_POD_MEMORY_MIB} MiB of memory, got ${allocatedMiB} MiB`,
    );
  }
  const total = Math.floor(allocatedMiB);
  const { factor, minimumMiB } = SPARK_MEMORY_OVERHEAD[role];
  // The pod grows strictly with the heap, so start from the closed form and step to the largest heap that fits.
  let heap = Math.max(
    0,
    Math.min(total - minimumMiB, Math.floor(total / (1 + factor))),
  );
  while (heap > 0 && podMemoryMiB(heap, role) > total) heap -= 1;
  while (podMemoryMiB(heap + 1, role) <= total) heap += 1;
  return { heapMiB: heap, overheadMiB: total - heap };
}
