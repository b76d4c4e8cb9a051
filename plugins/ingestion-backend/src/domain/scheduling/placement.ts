import {
  CapacityPool,
  JobLifecycle,
  JobResources,
  NamespaceTier,
  RunSizing,
} from '@internal/backstage-plugin-ingestion-common';
import { InputError } from '@backstage/errors';
import { podMemoryMiB } from '@internal/backstage-plugin-ingestion-node';
import { Resources } from './resources';

/**
 * How one run is sized: driver and executors as the job asks, each process's memory with the Spark overhead of the
 * shared rule (`podMemoryMiB` in ingestion-node). Stamped on the run when it is queued; the executors split it back
 * into heap and overhead with the same rule, so what runs is what was placed.
 */
export function runSizing(resources: JobResources): RunSizing {
  const checks: Array<[keyof JobResources, boolean]> = [
    [
      'executorInstances',
      Number.isInteger(resources.executorInstances) &&
        resources.executorInstances >= 0,
    ],
    ['executorCores', resources.executorCores > 0],
    ['executorMemoryGiB', resources.executorMemoryGiB > 0],
    ['driverCores', resources.driverCores > 0],
    ['driverMemoryGiB', resources.driverMemoryGiB > 0],
  ];
  for (const [field, ok] of checks) {
    if (!ok || !Number.isFinite(resources[field])) {
      throw new InputError(
        `resources.${field}: must be a positive number${
          field === 'executorInstances' ? ' of instances (or 0)' : ''
        }, got ${resources[field]}`,
      );
    }
  }
  return {
    driverCores: resources.driverCores,
    driverMemoryMiB: podMemoryMiB(resources.driverMemoryGiB * 1024, 'driver'),
    executorCores: resources.executorCores,
    executorMemoryMiB: podMemoryMiB(
      resources.executorMemoryGiB * 1024,
      'executor',
    ),
    executorInstances: resources.executorInstances,
  };
}

/** Cores and memory a sized run takes from its namespace: the driver and every executor. */
export function sizingDemand(sizing: RunSizing): Resources {
  return {
    cores: sizing.driverCores + sizing.executorInstances * sizing.executorCores,
    memoryMiB:
      sizing.driverMemoryMiB +
      sizing.executorInstances * sizing.executorMemoryMiB,
  };
}

/**
 * Cores and memory one run of a job asks of the namespace. The namespace's ResourceQuota counts pod requests,
 * overhead included, so the calendar must too or it would oversell.
 */
export function runDemand(resources: JobResources): Resources {
  return sizingDemand(runSizing(resources));
}

/**
 * The namespace tier a job's runs go to (Requirement 6.1, 6.2, 6.4): drafts are profiled in the draft namespace;
 * production jobs run in the namespace of the pool the tenant bought.
 */
export function tierFor(job: {
  lifecycle: JobLifecycle;
  pool: CapacityPool;
}): NamespaceTier {
  if (job.lifecycle === 'draft') {
    return 'draft';
  }
  if (job.lifecycle !== 'production') {
    throw new InputError(
      `lifecycle: must be 'draft' or 'production', got '${job.lifecycle}'`,
    );
  }
  if (job.pool === 'dedicated' || job.pool === 'vcore-hours') {
    return job.pool;
  }
  throw new InputError(
    `pool: must be 'dedicated' or 'vcore-hours', got '${job.pool}'`,
  );
}
