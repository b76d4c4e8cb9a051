import { Resources } from '../scheduling/resources';

/** An opportunistic run holding lent capacity. */
export interface LentRun {
  runId: string;
  cores: number;
  memoryMiB: number;
  /** When it started on lent capacity, epoch ms: the younger, the less work is lost. */
  startedAt: number;
  /** Its tenant's recent utilisation percentage: the higher, the lower its claim on lent capacity. */
  utilisationPercent: number;
}

/**
 * Which opportunistic runs to stop so that `needed` fits again (Requirement 8.4). The rule, in order:
 * 1. fewest runs: as many as the largest runs would need to free it, and no more;
 * 2. youngest first: among the ways to free it with that many, the runs started last (least work lost);
 * 3. lowest priority: between runs of the same age, the one whose tenant used most recently.
 * Greedy: runs are taken in order of 2 and 3 while what is left can still be freed by the largest remaining ones
 * in the remaining places. Returns every run when even all of them do not free enough.
 */
export function reclaimVictims(
  needed: Resources,
  lent: readonly LentRun[],
): LentRun[] {
  if (needed.cores <= 0 && needed.memoryMiB <= 0) return [];
  const fewest = fewestToFree(needed, lent);
  if (fewest === undefined) return [...lent];
  const preferred = [...lent].sort(
    (a, b) =>
      b.startedAt - a.startedAt ||
      b.utilisationPercent - a.utilisationPercent ||
      a.runId.localeCompare(b.runId),
  );
  const victims: LentRun[] = [];
  let remaining = { ...needed };
  for (let i = 0; i < preferred.length; i++) {
    if (remaining.cores <= 0 && remaining.memoryMiB <= 0) break;
    const run = preferred[i];
    const places = fewest - victims.length - 1;
    const after = {
      cores: remaining.cores - run.cores,
      memoryMiB: remaining.memoryMiB - run.memoryMiB,
    };
    if (canFree(after, preferred.slice(i + 1), places)) {
      victims.push(run);
      remaining = after;
    }
  }
  // The per-resource check is optimistic when cores and memory pull apart: top up, in the same order.
  for (const run of preferred) {
    if (remaining.cores <= 0 && remaining.memoryMiB <= 0) break;
    if (victims.includes(run)) continue;
    victims.push(run);
    remaining = {
      cores: remaining.cores - run.cores,
      memoryMiB: remaining.memoryMiB - run.memoryMiB,
    };
  }
  return victims;
}

/** How many runs at least free `needed`: the largest ones, per resource; undefined when all of them do not. */
function fewestToFree(
  needed: Resources,
  lent: readonly LentRun[],
): number | undefined {
  for (let count = 1; count <= lent.length; count++) {
    if (canFree(needed, lent, count)) return count;
  }
  return undefined;
}

/** Whether `places` of `runs` could free `needed`: the largest ones by cores, and by memory, each suffice. */
function canFree(
  needed: Resources,
  runs: readonly LentRun[],
  places: number,
): boolean {
  const largest = (key: 'cores' | 'memoryMiB') =>
    runs
      .map(r => r[key])
      .sort((a, b) => b - a)
      .slice(0, Math.max(0, places))
      .reduce((sum, v) => sum + v, 0);
  return (
    (needed.cores <= 0 || largest('cores') >= needed.cores) &&
    (needed.memoryMiB <= 0 || largest('memoryMiB') >= needed.memoryMiB)
  );
}
