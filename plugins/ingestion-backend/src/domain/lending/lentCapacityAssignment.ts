import { Resources } from '../scheduling/resources';

/** A waiting run, with what it would hold. */
export interface WouldBorrow {
  cores: number;
  memoryMiB: number;
}

/**
 * Which of the waiting runs start on lent capacity: taken in the given (priority) order, each that still fits what
 * is lendable; a run too big for what is left does not hold back the smaller ones behind it.
 */
export function assignLentCapacity<T extends WouldBorrow>(
  lendable: Resources,
  ordered: readonly T[],
): T[] {
  let left = { ...lendable };
  const assigned: T[] = [];
  for (const run of ordered) {
    if (run.cores > left.cores || run.memoryMiB > left.memoryMiB) continue;
    assigned.push(run);
    left = {
      cores: left.cores - run.cores,
      memoryMiB: left.memoryMiB - run.memoryMiB,
    };
  }
  return assigned;
}
