import { InputError } from '@backstage/errors';

/**
 * An amount of cores and memory: what one run asks for, what a namespace or a tenant's dedicated units hold, or
 * what is committed in a slice.
 */
export interface Resources {
  cores: number;
  memoryMiB: number;
}

export const NO_RESOURCES: Resources = Object.freeze({
  cores: 0,
  memoryMiB: 0,
});

/**
 * Cores as whole millicores (Kubernetes' own resolution). The calendar adds and removes runs incrementally; with
 * fractional cores such as 0.1 in floating point, adding then removing a run would leave residues that turn an
 * exactly-full slice into an over-full one. Whole millicores stay exact.
 */
export function toMilliCores(cores: number): number {
  return Math.round(cores * 1000);
}

export function fromMilliCores(milliCores: number): number {
  return milliCores / 1000;
}

/**
 * Checks an amount of resources given from outside; `field` names it in the error (e.g. `demand`, `capacity`).
 * Demands must be positive (a run that needs nothing cannot be scheduled meaningfully); capacities may be zero.
 * Memory is in whole MiB.
 */
export function assertResources(
  value: Resources,
  field: string,
  kind: 'demand' | 'capacity',
): void {
  const positive = kind === 'demand';
  const coresOk =
    Number.isFinite(value?.cores) &&
    (positive ? toMilliCores(value.cores) > 0 : value.cores >= 0);
  if (!coresOk) {
    throw new InputError(
      `${field}.cores: must be a ${
        positive ? 'positive' : 'non-negative'
      } number of cores (at least 0.001), got ${value?.cores}`,
    );
  }
  const memoryOk =
    Number.isInteger(value.memoryMiB) &&
    (positive ? value.memoryMiB > 0 : value.memoryMiB >= 0);
  if (!memoryOk) {
    throw new InputError(
      `${field}.memoryMiB: must be a ${
        positive ? 'positive' : 'non-negative'
      } whole number of MiB, got ${value.memoryMiB}`,
    );
  }
}
