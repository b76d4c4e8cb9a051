import { JobResources } from '@internal/backstage-plugin-ingestion-common';

/** Cores and memory one run of a job holds while it runs: the driver plus every executor. */
export function runDemand(resources: JobResources): {
  cores: number;
  memoryMiB: number;
} {
  return {
    cores:
      resources.driverCores +
      resources.executorInstances * resources.executorCores,
    memoryMiB: Math.ceil(
      (resources.driverMemoryGiB +
        resources.executorInstances * resources.executorMemoryGiB) *
        1024,
    ),
  };
}
