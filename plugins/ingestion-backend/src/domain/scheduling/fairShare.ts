import { InputError } from '@backstage/errors';
import { Resources } from './resources';

/*
 * Fair sharing of the vcore-hours namespace (Requirement 10.2, 10.3). Dedicated tenants are not part of it: their
 * runs draw on their own dedicated units (SliceCalendar), 100% theirs.
 */

/** What a tenant's runs in a contended slice ask for, weighted by the vCPU-hours it bought. */
export interface TenantClaim {
  tenant: string;
  /** Purchased vCPU-hours (any positive unit: only ratios matter). */
  weight: number;
  demand: Resources;
}

/**
 * Shares a slice's capacity among tenants in proportion to their weights, by weighted max-min fairness over both
 * resources (weighted Dominant Resource Fairness, Ghodsi et al. 2011), computed exactly by water-filling: every
 * tenant receives the same fraction of its demand per unit of its weighted dominant share, nobody more than it asks;
 * what a satisfied tenant leaves goes to the others, again in proportion to weight, until a resource runs out.
 * When cores are what runs out, this is the plain proportional split: weights 1:3 share 100 cores 25:75.
 */
export function shareSlice(
  capacity: Resources,
  claims: readonly TenantClaim[],
): Map<string, Resources> {
  const seen = new Set<string>();
  for (const claim of claims) {
    if (seen.has(claim.tenant)) {
      throw new InputError(
        `claims: tenant '${claim.tenant}' appears more than once; add its runs' demands up first`,
      );
    }
    seen.add(claim.tenant);
    assertWeight(claim.tenant, claim.weight);
    if (!(claim.demand.cores >= 0) || !(claim.demand.memoryMiB >= 0)) {
      throw new InputError(
        `claims.demand: '${claim.tenant}' asks for a negative or invalid amount`,
      );
    }
  }
  const capacities = [capacity.cores, capacity.memoryMiB];
  const demandOf = (c: TenantClaim) => [c.demand.cores, c.demand.memoryMiB];

  // A tenant's dominant share: its largest demand relative to capacity. A demand on a resource with no capacity
  // at all cannot be served in any part; such tenants get nothing.
  const active = claims
    .map(claim => {
      const demand = demandOf(claim);
      const dominant = Math.max(
        ...demand.map((d, r) => shareOf(d, capacities[r])),
      );
      return { claim, demand, dominant, saturation: dominant / claim.weight };
    })
    .filter(a => a.dominant > 0 && Number.isFinite(a.dominant))
    .sort((a, b) => a.saturation - b.saturation);

  // Water level L: an unsaturated tenant gets the fraction L * weight / dominant of its demand; it is saturated
  // (gets all it asks) once L reaches weight-adjusted `saturation`. Usage is linear in L between saturations.
  const used = [0, 0];
  const rate = [0, 0];
  for (const a of active) {
    a.demand.forEach((d, r) => {
      rate[r] += (a.claim.weight * d) / a.dominant;
    });
  }
  let level = Infinity;
  let saturated = 0;
  for (const a of active) {
    const fitsAt = (l: number) =>
      capacities.every(
        (c, r) => used[r] + l * rate[r] <= c * (1 + 1e-12) + 1e-9,
      );
    if (!fitsAt(a.saturation)) {
      level = Math.min(
        ...capacities.map((c, r) =>
          rate[r] > 0 ? (c - used[r]) / rate[r] : Infinity,
        ),
      );
      break;
    }
    a.demand.forEach((d, r) => {
      used[r] += d;
      rate[r] -= (a.claim.weight * d) / a.dominant;
    });
    saturated++;
  }

  const shares = new Map<string, Resources>(
    claims.map(c => [c.tenant, { cores: 0, memoryMiB: 0 }]),
  );
  active.forEach((a, i) => {
    const fraction =
      i < saturated ? 1 : Math.min(1, (level * a.claim.weight) / a.dominant);
    shares.set(a.claim.tenant, {
      cores: a.claim.demand.cores * fraction,
      memoryMiB: a.claim.demand.memoryMiB * fraction,
    });
  });
  return shares;
}

/** A run waiting in the vcore-hours namespace. */
export interface QueuedRun {
  runId: string;
  tenant: string;
  enqueuedAtMs: number;
  cores: number;
  expectedDurationMs: number;
}

/**
 * Weighted fair queuing state carried between dispatches: a virtual clock and, per tenant, the virtual finish time
 * of its last dispatched run. Pure data, so the caller can persist it.
 */
export interface FairQueueState {
  virtualTime: number;
  finishTags: Readonly<Record<string, number>>;
}

export const EMPTY_FAIR_QUEUE: FairQueueState = Object.freeze({
  virtualTime: 0,
  finishTags: Object.freeze({}),
});

/**
 * The order in which to dispatch waiting runs: start-time fair queuing (Goyal et al. 1996), the weighted fair
 * queuing variant suited to jobs of unknown real time. A run's cost is cores x expected hours (vCPU-hours); each
 * tenant's runs go in FIFO order and are tagged with a virtual START time: the later of the virtual clock and the
 * tenant's previous finish (start + cost / weight of the run before it). Dispatching by start tag (the virtual clock
 * then moves to the dispatched run's start, see afterDispatch) gives each backlogged tenant service in proportion to
 * its weight: a tenant that has been waiting is tagged at the current clock, so it goes next, while a tenant just
 * served is tagged at its finish, cost / weight later. (Ordering by finish tags instead starves a waiting tenant
 * whose runs cost more per weight: the clock, moved by the others' dispatches, keeps pushing its tags out.)
 * No tenant monopolises the namespace however many runs it queues, and an idle tenant banks no credit.
 */
export function fairQueueOrder(
  waiting: readonly QueuedRun[],
  weights: Readonly<Record<string, number>>,
  state: FairQueueState = EMPTY_FAIR_QUEUE,
): QueuedRun[] {
  const byTenant = new Map<string, QueuedRun[]>();
  for (const run of waiting) {
    const runs = byTenant.get(run.tenant) ?? [];
    runs.push(run);
    byTenant.set(run.tenant, runs);
  }
  const tagged: Array<{ run: QueuedRun; start: number }> = [];
  for (const [tenant, runs] of byTenant) {
    const weight = weights[tenant];
    assertWeight(tenant, weight);
    runs.sort(fifo);
    let previousFinish = state.finishTags[tenant] ?? 0;
    for (const run of runs) {
      const start = Math.max(state.virtualTime, previousFinish);
      tagged.push({ run, start });
      previousFinish = start + runCost(run) / weight;
    }
  }
  return tagged
    .sort((a, b) => a.start - b.start || fifo(a.run, b.run))
    .map(t => t.run);
}

/** The state after dispatching a run: its tenant's finish tag moves on, the virtual clock to the run's start tag. */
export function afterDispatch(
  state: FairQueueState,
  run: QueuedRun,
  weight: number,
): FairQueueState {
  assertWeight(run.tenant, weight);
  const start = Math.max(state.virtualTime, state.finishTags[run.tenant] ?? 0);
  return {
    virtualTime: start,
    finishTags: {
      ...state.finishTags,
      [run.tenant]: start + runCost(run) / weight,
    },
  };
}

/** vCPU-hours a run is expected to use. */
function runCost(run: QueuedRun): number {
  if (!(run.cores > 0) || !(run.expectedDurationMs > 0)) {
    throw new InputError(
      `runs: '${run.runId}' needs positive cores and expectedDurationMs`,
    );
  }
  return (run.cores * run.expectedDurationMs) / 3_600_000;
}

function fifo(a: QueuedRun, b: QueuedRun): number {
  if (a.enqueuedAtMs !== b.enqueuedAtMs) {
    return a.enqueuedAtMs - b.enqueuedAtMs;
  }
  if (a.runId === b.runId) {
    return 0;
  }
  return a.runId < b.runId ? -1 : 1;
}

/** The share of a capacity a demand takes: Infinity when there is no capacity for it at all. */
function shareOf(demand: number, capacity: number): number {
  if (demand === 0) {
    return 0;
  }
  return capacity > 0 ? demand / capacity : Infinity;
}

function assertWeight(tenant: string, weight: number | undefined): void {
  if (!(weight! > 0) || !Number.isFinite(weight)) {
    throw new InputError(
      `weights: tenant '${tenant}' needs a positive weight (its purchased vCPU-hours), got ${weight}`,
    );
  }
}
