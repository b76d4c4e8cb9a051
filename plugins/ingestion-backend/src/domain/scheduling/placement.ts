import {
  CapacityPool,
  JobLifecycle,
  JobResources,
  NamespaceTier,
} from '@internal/backstage-plugin-ingestion-common';
import { InputError } from '@backstage/errors';
import { Resources, assertResources, toMilliCores } from './resources';

/** Spark's defaults for the memory Kubernetes is asked for on top of the JVM heap, per pod. */
export const SPARK_MEMORY_OVERHEAD_FACTOR = 0.1;
export const SPARK_MIN_MEMORY_OVERHEAD_MIB = 384;

/**
 * Cores and memory one run asks of the namespace: the driver and every executor, each pod's memory with Spark's
 * overhead (`spark.{driver,executor}.memoryOverheadFactor`, default 0.10, at least 384 MiB). The namespace's
 * ResourceQuota counts pod requests, overhead included, so the calendar must too or it would oversell.
 */
export function runDemand(
  resources: JobResources,
  overhead: { factor?: number; minimumMiB?: number } = {},
): Resources {
  const factor = overhead.factor ?? SPARK_MEMORY_OVERHEAD_FACTOR;
  const minimum = overhead.minimumMiB ?? SPARK_MIN_MEMORY_OVERHEAD_MIB;
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
  const podMemoryMiB = (gib: number) => {
    const heap = gib * 1024;
    return Math.ceil(heap + Math.max(heap * factor, minimum));
  };
  return {
    cores:
      resources.driverCores +
      resources.executorInstances * resources.executorCores,
    memoryMiB:
      podMemoryMiB(resources.driverMemoryGiB) +
      resources.executorInstances * podMemoryMiB(resources.executorMemoryGiB),
  };
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

/** What a job's runs can draw on: a namespace's capacity, and a tenant's dedicated units. */
export interface CapacityView {
  capacity(tier: NamespaceTier): Resources;
  tenantCapacity(tenant: string): Resources;
}

export type PlacementDecision =
  | { placed: true; tier: NamespaceTier }
  | { placed: false; tier: NamespaceTier; reason: string };

/**
 * The tier for a job, or a refusal when a single run could never fit there, however empty (Requirement 6.5): more
 * cores or memory than the namespace holds, or, for a dedicated job, than the tenant's dedicated units (its runs
 * never use more than those). Whether the schedule fits over time is admission's question (admission.ts).
 * `SliceCalendar` is a CapacityView.
 */
export function decidePlacement(
  job: { lifecycle: JobLifecycle; pool: CapacityPool; tenant: string },
  demand: Resources,
  capacity: CapacityView,
): PlacementDecision {
  assertResources(demand, 'demand', 'demand');
  const tier = tierFor(job);
  const [limit, holder] =
    tier === 'dedicated'
      ? [
          capacity.tenantCapacity(job.tenant),
          `${job.tenant}'s dedicated units hold`,
        ]
      : [capacity.capacity(tier), `the ${tier} namespace holds`];
  const missing: string[] = [];
  if (toMilliCores(demand.cores) > toMilliCores(limit.cores)) {
    missing.push(`${demand.cores} cores but ${holder} ${limit.cores}`);
  }
  if (demand.memoryMiB > limit.memoryMiB) {
    missing.push(
      `${demand.memoryMiB} MiB of memory but ${holder} ${limit.memoryMiB} MiB`,
    );
  }
  if (missing.length > 0) {
    return {
      placed: false,
      tier,
      reason: `One run needs ${missing.join(', and ')}.`,
    };
  }
  return { placed: true, tier };
}
