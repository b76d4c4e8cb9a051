import {
  CapacityPool,
  JobLifecycle,
  JobResources,
  NamespaceTier,
  RunSizing,
} from '@internal/backstage-plugin-ingestion-common';
import { runSizing, sizingDemand, tierFor } from './placement';

/** Everything a run is granted, stamped on it when it is queued and read from it from then on. */
export interface RunAllocation {
  pool: CapacityPool;
  tier: NamespaceTier;
  namespace: string;
  allocatedCores: number;
  allocatedMemoryMiB: number;
  sizing: RunSizing;
}

/** A new run of a job, as the job is now: its tier's namespace, its pool, and its sizing. */
export function allocateRun(
  job: { lifecycle: JobLifecycle; pool: CapacityPool; resources: JobResources },
  namespaceNames: Readonly<Record<NamespaceTier, string>>,
): RunAllocation {
  const tier = tierFor(job);
  const sizing = runSizing(job.resources);
  const demand = sizingDemand(sizing);
  return {
    pool: job.pool,
    tier,
    namespace: namespaceNames[tier],
    allocatedCores: demand.cores,
    allocatedMemoryMiB: demand.memoryMiB,
    sizing,
  };
}
