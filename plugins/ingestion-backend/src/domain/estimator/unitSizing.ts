import {
  JobResources,
  SparkUnitSize,
} from '@internal/backstage-plugin-ingestion-common';
import { runDemand } from '../scheduling/placement';
import { Resources } from '../scheduling/resources';

/** The driver every run has, whatever its size. */
const DRIVER = { driverCores: 1, driverMemoryGiB: 2 };
/** Cores per executor: two keeps executors small enough to pack and large enough to share a JVM's start-up. */
const PREFERRED_EXECUTOR_CORES = 2;

/**
 * The Spark resources that `units` Ingestion Units hold: one driver, and as many executors as fit beside it, each
 * with the memory that keeps its pod (JVM heap plus Spark's overhead, the rule of `runDemand`) within the units.
 * Undefined when the units cannot hold a driver and one executor.
 */
export function resourcesForUnits(
  units: number,
  unitSize: SparkUnitSize,
): { resources: JobResources; demand: Resources } | undefined {
  const totalCores = units * unitSize.cores;
  const totalMemoryMiB = units * unitSize.memoryGiB * 1024;
  const executorCores = Math.min(
    PREFERRED_EXECUTOR_CORES,
    Math.max(1, Math.floor(totalCores - DRIVER.driverCores)),
  );
  const executorInstances = Math.floor(
    (totalCores - DRIVER.driverCores) / executorCores,
  );
  if (executorInstances < 1) return undefined;
  // Largest whole GiB per executor whose demand still fits; memory is searched downwards from an even split.
  const driverDemand = runDemand({
    ...DRIVER,
    executorInstances: 0,
    executorCores: 1,
    executorMemoryGiB: 1,
  });
  let executorMemoryGiB = Math.floor(
    (totalMemoryMiB - driverDemand.memoryMiB) / executorInstances / 1024,
  );
  for (; executorMemoryGiB >= 1; executorMemoryGiB--) {
    const resources: JobResources = {
      ...DRIVER,
      executorInstances,
      executorCores,
      executorMemoryGiB,
    };
    const demand = runDemand(resources);
    if (demand.cores <= totalCores && demand.memoryMiB <= totalMemoryMiB) {
      return { resources, demand };
    }
  }
  return undefined;
}
