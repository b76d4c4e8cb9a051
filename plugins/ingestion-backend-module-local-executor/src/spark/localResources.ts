import {
  MIN_POD_MEMORY_MIB,
  RunResources,
  splitPodMemory,
} from '@internal/backstage-plugin-ingestion-node';

/** Spark refuses a driver JVM below about 450 MiB (1.5 x its 300 MiB reserve); round small requests up. */
export const MIN_DRIVER_MEMORY_MIB = 512;

/**
 * What a run's allocation becomes in local mode. Executors are threads of the one driver JVM there, so the
 * allocated executor cores become the task threads N of local[N] (capped by the machine), and the JVM's heap is
 * the heap of the driver's allocation under the shared overhead rule (its Python process lives beside the JVM, as
 * in a driver pod).
 */
export function localResources(
  resources: RunResources,
  maxCores: number,
): { cores: number; driverMemoryMiB: number } {
  const allocated = resources.executorCores * resources.executorInstances;
  return {
    cores: Math.max(1, Math.min(Math.floor(allocated), maxCores)),
    driverMemoryMiB: Math.max(
      MIN_DRIVER_MEMORY_MIB,
      resources.driverMemoryMiB >= MIN_POD_MEMORY_MIB
        ? splitPodMemory(resources.driverMemoryMiB, 'driver').heapMiB
        : 0,
    ),
  };
}
