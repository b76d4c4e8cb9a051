import { InputError } from '@backstage/errors';
import {
  NAMESPACE_TIERS,
  NamespaceTier,
} from '@internal/backstage-plugin-ingestion-common';
import {
  NO_RESOURCES,
  Resources,
  assertResources,
  fromMilliCores,
  toMilliCores,
} from './resources';
import {
  MINUTES_PER_DAY,
  MS_PER_MINUTE,
  endSliceOfRun,
  firstSliceOfRun,
  sliceIndexAt,
  sliceLengthMs,
} from './slices';

/** One run as the calendar sees it. */
export interface Occurrence {
  startMs: number;
  durationMs: number;
}

/** What a job holds in the calendar: every run occupies `demand` in each slice its duration touches. */
export interface Reservation {
  tier: NamespaceTier;
  /** The owning tenant (group entity ref). In the dedicated tier the runs also count against its dedicated units. */
  tenant: string;
  /** Cores and memory of one run. */
  demand: Resources;
  /** Runs, in any order; parts outside the horizon are kept and counted once the horizon reaches them. */
  occurrences: readonly Occurrence[];
}

export interface SliceCalendarOptions {
  /** The horizon starts at the slice holding `now`. */
  now: number;
  /** Slice length in minutes, dividing 1440 (default 15). */
  sliceMinutes?: number;
  /** Horizon length in days, at least 7 (default 7). */
  horizonDays?: number;
}

export const DEFAULT_HORIZON_DAYS = 7;
export const MIN_HORIZON_DAYS = 7;

/** Where a candidate does not fit: in the tier's namespace, or in its tenant's dedicated units. */
export interface SliceShortfall {
  sliceStartMs: number;
  scope: 'namespace' | 'tenant';
  /** All the candidate's runs touching this slice need this much... */
  needed: Resources;
  /** ...and this much is free for them (the candidate's own current reservation excluded). */
  free: Resources;
}

/** A job with runs in a slice (the admin heatmap's hover). */
export interface SliceRuns {
  jobId: string;
  tenant: string;
  /** How many of its runs touch the slice. */
  runs: number;
  demand: Resources;
}

export interface HeatmapCell {
  sliceStartMs: number;
  committed: Resources;
  capacity: Resources;
  /** Committed over capacity of the tighter resource; above 1 when over-committed, Infinity without capacity. */
  utilisation: number;
  runs: number;
}

/** Over-committed slices, which admission never creates but a capacity cut or a late-visible run can. */
export interface OvercommittedSlice {
  scope: 'namespace' | 'tenant';
  tier: NamespaceTier;
  tenant?: string;
  sliceStartMs: number;
  committed: Resources;
  capacity: Resources;
}

/** Committed cores, memory and run count per slice offset. Cores in whole millicores, see resources.ts. */
class SliceLoad {
  readonly milliCores: Float64Array;
  readonly memoryMiB: Float64Array;
  readonly runs: Int32Array;

  constructor(slices: number) {
    this.milliCores = new Float64Array(slices);
    this.memoryMiB = new Float64Array(slices);
    this.runs = new Int32Array(slices);
  }

  /** Drops the first `delta` slices and opens empty ones at the end. */
  shift(delta: number): void {
    for (const a of [this.milliCores, this.memoryMiB, this.runs]) {
      if (delta >= a.length) {
        a.fill(0);
      } else {
        a.copyWithin(0, delta);
        a.fill(0, a.length - delta);
      }
    }
  }
}

interface Capacity {
  milliCores: number;
  memoryMiB: number;
}

/** A placed job. Runs are slice ranges [first, end) in absolute slice indexes, sorted by first. */
interface Ranges {
  first: Int32Array;
  end: Int32Array;
  /** Longest range, so that a search by `first` can find every range covering a slice. */
  maxSpan: number;
}

interface Entry extends Ranges {
  jobId: string;
  tier: NamespaceTier;
  tenant: string;
  demand: Resources;
  milliCores: number;
  memoryMiB: number;
}

const ZERO: Capacity = { milliCores: 0, memoryMiB: 0 };

/**
 * The slice calendar: per namespace tier and per slice of a rolling horizon, the cores and memory committed by
 * scheduled runs; for the dedicated tier also per tenant. Typed arrays indexed by slice offset from the horizon
 * start keep it compact (7 days of 15-minute slices: 672 cells per array) and updates incremental: placing or
 * removing a job touches only that job's slices.
 *
 * It records, it does not judge: `place` accepts anything (a recompute after a capacity cut must be able to show
 * over-commitment), and admission (admission.ts) asks `findShortfalls` before placing. Capacity is set from outside.
 */
export class SliceCalendar {
  readonly sliceMs: number;
  readonly sliceCount: number;
  #startIndex: number;
  readonly #tiers = new Map<NamespaceTier, SliceLoad>();
  readonly #tenants = new Map<string, SliceLoad>();
  readonly #tierCapacity = new Map<NamespaceTier, Capacity>();
  readonly #tenantCapacity = new Map<string, Capacity>();
  readonly #entries = new Map<string, Entry>();
  // Scratch space for findShortfalls: runs of the candidate / of the excluded job per slice offset.
  readonly #candidateRuns: Int32Array;
  readonly #ownRuns: Int32Array;

  constructor(options: SliceCalendarOptions) {
    if (!Number.isFinite(options.now)) {
      throw new InputError(
        `now: must be an epoch time in ms, got ${options.now}`,
      );
    }
    const sliceMinutes = options.sliceMinutes ?? 15;
    this.sliceMs = sliceLengthMs(sliceMinutes);
    const days = options.horizonDays ?? DEFAULT_HORIZON_DAYS;
    if (!Number.isInteger(days) || days < MIN_HORIZON_DAYS) {
      throw new InputError(
        `horizonDays: must be a whole number of days, at least ${MIN_HORIZON_DAYS}, got ${days}`,
      );
    }
    this.sliceCount = (days * MINUTES_PER_DAY) / sliceMinutes;
    this.#startIndex = sliceIndexAt(options.now, this.sliceMs);
    for (const tier of NAMESPACE_TIERS) {
      this.#tiers.set(tier, new SliceLoad(this.sliceCount));
    }
    this.#candidateRuns = new Int32Array(this.sliceCount);
    this.#ownRuns = new Int32Array(this.sliceCount);
  }

  get horizonStartMs(): number {
    return this.#startIndex * this.sliceMs;
  }

  get horizonEndMs(): number {
    return (this.#startIndex + this.sliceCount) * this.sliceMs;
  }

  // ---- capacity ----

  /**
   * Sets what a tier's namespace holds. The dedicated namespace may not hold less than the dedicated units sold to
   * tenants: that is what lets every dedicated tenant count on 100% of its units.
   */
  setCapacity(tier: NamespaceTier, capacity: Resources): void {
    assertTier(tier);
    assertResources(capacity, 'capacity', 'capacity');
    const next = toCapacity(capacity);
    if (tier === 'dedicated') {
      const sold = this.#soldDedicated();
      if (
        next.milliCores < sold.milliCores ||
        next.memoryMiB < sold.memoryMiB
      ) {
        throw new InputError(
          `capacity: the dedicated namespace would hold ${describe(
            next,
          )}, less than the ${describe(
            sold,
          )} of dedicated units sold to tenants`,
        );
      }
    }
    this.#tierCapacity.set(tier, next);
  }

  /**
   * Sets the cores and memory of a tenant's dedicated units (zero to end them). The sum over tenants may not exceed
   * the dedicated namespace's capacity (Requirement 1.5: never sell more than the Spark Units hold).
   */
  setTenantCapacity(tenant: string, capacity: Resources): void {
    assertTenant(tenant);
    assertResources(capacity, 'tenantCapacity', 'capacity');
    const next = toCapacity(capacity);
    const current = this.#tenantCapacity.get(tenant) ?? ZERO;
    const sold = this.#soldDedicated();
    const soldAfter = {
      milliCores: sold.milliCores - current.milliCores + next.milliCores,
      memoryMiB: sold.memoryMiB - current.memoryMiB + next.memoryMiB,
    };
    const namespace = this.#tierCapacity.get('dedicated') ?? ZERO;
    if (
      soldAfter.milliCores > namespace.milliCores ||
      soldAfter.memoryMiB > namespace.memoryMiB
    ) {
      throw new InputError(
        `tenantCapacity: dedicated units of ${describe(
          soldAfter,
        )} in total would exceed the dedicated namespace's ${describe(
          namespace,
        )}`,
      );
    }
    this.#tenantCapacity.set(tenant, next);
  }

  capacity(tier: NamespaceTier): Resources {
    return toResources(this.#tierCapacity.get(tier) ?? ZERO);
  }

  tenantCapacity(tenant: string): Resources {
    return toResources(this.#tenantCapacity.get(tenant) ?? ZERO);
  }

  #soldDedicated(): Capacity {
    let milliCores = 0;
    let memoryMiB = 0;
    for (const c of this.#tenantCapacity.values()) {
      milliCores += c.milliCores;
      memoryMiB += c.memoryMiB;
    }
    return { milliCores, memoryMiB };
  }

  // ---- reservations ----

  /** Places (or replaces) a job's reservation. Touches only the slices of the old and the new runs. */
  place(jobId: string, reservation: Reservation): void {
    assertJobId(jobId);
    assertTier(reservation.tier);
    assertTenant(reservation.tenant);
    assertResources(reservation.demand, 'demand', 'demand');
    this.remove(jobId);
    const entry: Entry = {
      jobId,
      tier: reservation.tier,
      tenant: reservation.tenant,
      demand: { ...reservation.demand },
      milliCores: toMilliCores(reservation.demand.cores),
      memoryMiB: reservation.demand.memoryMiB,
      ...this.#ranges(reservation.occurrences),
    };
    this.#entries.set(jobId, entry);
    this.#apply(entry, entry, +1, this.#startIndex, this.#endIndex);
  }

  /** Adds runs to a placed job: after `advance`, the runs starting in the window it returns. */
  addOccurrences(jobId: string, occurrences: readonly Occurrence[]): void {
    const entry = this.#entries.get(jobId);
    if (!entry) {
      throw new InputError(
        `jobId: '${jobId}' has no reservation to add runs to`,
      );
    }
    const added = this.#ranges(occurrences);
    this.#apply(entry, added, +1, this.#startIndex, this.#endIndex);
    const merged = mergeRanges(entry.first, entry.end, added.first, added.end);
    entry.first = merged.first;
    entry.end = merged.end;
    entry.maxSpan = Math.max(entry.maxSpan, added.maxSpan);
  }

  /** Removes a job's reservation; false when it had none. */
  remove(jobId: string): boolean {
    const entry = this.#entries.get(jobId);
    if (!entry) {
      return false;
    }
    this.#apply(entry, entry, -1, this.#startIndex, this.#endIndex);
    this.#entries.delete(jobId);
    return true;
  }

  /** A placed job's tier, tenant, demand and number of runs kept, or undefined. */
  reservationOf(
    jobId: string,
  ):
    | { tier: NamespaceTier; tenant: string; demand: Resources; runs: number }
    | undefined {
    const entry = this.#entries.get(jobId);
    return (
      entry && {
        tier: entry.tier,
        tenant: entry.tenant,
        demand: { ...entry.demand },
        runs: entry.first.length,
      }
    );
  }

  jobIds(): string[] {
    return [...this.#entries.keys()];
  }

  /**
   * Rolls the horizon forward to the slice holding `now`: slices before it are dropped, new empty ones open at the
   * end, and known runs reaching into them are counted. Returns the window [fromMs, toMs) whose runs the caller must
   * add (`addOccurrences`) for each job: the runs starting in it were beyond the old horizon. Empty when `now` is
   * still in the first slice.
   */
  advance(now: number): { fromMs: number; toMs: number } {
    const oldEnd = this.#endIndex;
    const next = sliceIndexAt(now, this.sliceMs);
    if (!(next > this.#startIndex)) {
      return { fromMs: oldEnd * this.sliceMs, toMs: oldEnd * this.sliceMs };
    }
    const delta = next - this.#startIndex;
    for (const load of [...this.#tiers.values(), ...this.#tenants.values()]) {
      load.shift(delta);
    }
    this.#startIndex = next;
    const newEnd = this.#endIndex;
    for (const entry of this.#entries.values()) {
      const keep: number[] = [];
      for (let i = 0; i < entry.first.length; i++) {
        if (entry.end[i] > next) {
          keep.push(i);
        }
      }
      if (keep.length < entry.first.length) {
        entry.first = Int32Array.from(keep, i => entry.first[i]);
        entry.end = Int32Array.from(keep, i => entry.end[i]);
      }
      this.#apply(entry, entry, +1, Math.max(oldEnd, next), newEnd);
    }
    return { fromMs: oldEnd * this.sliceMs, toMs: newEnd * this.sliceMs };
  }

  // ---- queries ----

  committed(tier: NamespaceTier, sliceStartMs: number): Resources {
    const offset = this.#offsetOf(sliceStartMs);
    return loadAt(this.#tierLoad(tier), offset);
  }

  free(tier: NamespaceTier, sliceStartMs: number): Resources {
    return minus(this.capacity(tier), this.committed(tier, sliceStartMs));
  }

  tenantCommitted(tenant: string, sliceStartMs: number): Resources {
    const offset = this.#offsetOf(sliceStartMs);
    const load = this.#tenants.get(tenant);
    return load ? loadAt(load, offset) : { ...NO_RESOURCES };
  }

  tenantFree(tenant: string, sliceStartMs: number): Resources {
    return minus(
      this.tenantCapacity(tenant),
      this.tenantCommitted(tenant, sliceStartMs),
    );
  }

  /** The jobs with runs in a slice of a tier, by job id. */
  runsInSlice(tier: NamespaceTier, sliceStartMs: number): SliceRuns[] {
    assertTier(tier);
    const slice = this.#startIndex + this.#offsetOf(sliceStartMs);
    const out: SliceRuns[] = [];
    for (const entry of this.#entries.values()) {
      if (entry.tier !== tier) {
        continue;
      }
      let runs = 0;
      for (
        let i = lowerBound(entry.first, slice - entry.maxSpan + 1);
        i < entry.first.length && entry.first[i] <= slice;
        i++
      ) {
        if (entry.end[i] > slice) {
          runs++;
        }
      }
      if (runs > 0) {
        out.push({
          jobId: entry.jobId,
          tenant: entry.tenant,
          runs,
          demand: { ...entry.demand },
        });
      }
    }
    return out.sort((a, b) => (a.jobId < b.jobId ? -1 : 1));
  }

  /** The admin heatmap: `hours` (default 24) of slices of a tier from the slice holding `fromMs`, within the horizon. */
  heatmap(
    tier: NamespaceTier,
    fromMs: number = this.horizonStartMs,
    hours = 24,
  ): HeatmapCell[] {
    const load = this.#tierLoad(tier);
    const capacity = this.#tierCapacity.get(tier) ?? ZERO;
    const firstOffset = this.#offsetOf(fromMs);
    const count = Math.min(
      Math.ceil((hours * 60 * MS_PER_MINUTE) / this.sliceMs),
      this.sliceCount - firstOffset,
    );
    const cells: HeatmapCell[] = [];
    for (let offset = firstOffset; offset < firstOffset + count; offset++) {
      cells.push({
        sliceStartMs: (this.#startIndex + offset) * this.sliceMs,
        committed: loadAt(load, offset),
        capacity: toResources(capacity),
        utilisation: Math.max(
          ratio(load.milliCores[offset], capacity.milliCores),
          ratio(load.memoryMiB[offset], capacity.memoryMiB),
        ),
        runs: load.runs[offset],
      });
    }
    return cells;
  }

  /** Every slice committed beyond its namespace's capacity, or (dedicated tier) beyond a tenant's dedicated units. */
  overcommittedSlices(): OvercommittedSlice[] {
    const out: OvercommittedSlice[] = [];
    const scan = (
      load: SliceLoad,
      capacity: Capacity,
      slice: Omit<
        OvercommittedSlice,
        'sliceStartMs' | 'committed' | 'capacity'
      >,
    ) => {
      for (let offset = 0; offset < this.sliceCount; offset++) {
        if (
          load.milliCores[offset] > capacity.milliCores ||
          load.memoryMiB[offset] > capacity.memoryMiB
        ) {
          out.push({
            ...slice,
            sliceStartMs: (this.#startIndex + offset) * this.sliceMs,
            committed: loadAt(load, offset),
            capacity: toResources(capacity),
          });
        }
      }
    };
    for (const [tier, load] of this.#tiers) {
      scan(load, this.#tierCapacity.get(tier) ?? ZERO, {
        scope: 'namespace',
        tier,
      });
    }
    for (const [tenant, load] of this.#tenants) {
      scan(load, this.#tenantCapacity.get(tenant) ?? ZERO, {
        scope: 'tenant',
        tier: 'dedicated',
        tenant,
      });
    }
    return out;
  }

  /**
   * Where a candidate reservation would not fit, slice by slice, in time order: each slice its runs touch must have
   * room for all of them (cores and memory). Draft and vcore-hours runs are checked against their namespace;
   * dedicated runs against their tenant's dedicated units only. The dedicated namespace holds at least the sum of
   * those units (see setCapacity), so room in the units implies room in the namespace, and not checking the
   * namespace means another tenant's overrun can never block a dedicated tenant. With `excludeJobId`, that job's
   * current reservation is left out (a changed job is checked without itself). Stops after `limit` shortfalls.
   */
  findShortfalls(
    candidate: Reservation,
    options: { excludeJobId?: string; limit?: number } = {},
  ): SliceShortfall[] {
    assertResources(candidate.demand, 'demand', 'demand');
    const limit = options.limit ?? Infinity;
    const free = this.freeProfile(
      candidate.tier,
      candidate.tenant,
      options.excludeJobId,
    );

    const runs = this.#candidateRuns;
    const touched: number[] = [];
    for (const { startMs, durationMs } of candidate.occurrences) {
      assertOccurrence(startMs, durationMs);
      const from = Math.max(
        firstSliceOfRun(startMs, this.sliceMs),
        this.#startIndex,
      );
      const to = Math.min(
        endSliceOfRun(startMs, durationMs, this.sliceMs),
        this.#endIndex,
      );
      for (let s = from; s < to; s++) {
        const offset = s - this.#startIndex;
        if (runs[offset]++ === 0) {
          touched.push(offset);
        }
      }
    }

    touched.sort((a, b) => a - b);
    const milli = toMilliCores(candidate.demand.cores);
    const shortfalls: SliceShortfall[] = [];
    for (const offset of touched) {
      if (shortfalls.length >= limit) {
        break;
      }
      const neededMilli = runs[offset] * milli;
      const neededMemory = runs[offset] * candidate.demand.memoryMiB;
      if (
        neededMilli > free.milliCores[offset] ||
        neededMemory > free.memoryMiB[offset]
      ) {
        shortfalls.push({
          sliceStartMs: (this.#startIndex + offset) * this.sliceMs,
          scope: free.scope,
          needed: {
            cores: fromMilliCores(neededMilli),
            memoryMiB: neededMemory,
          },
          free: {
            cores: fromMilliCores(free.milliCores[offset]),
            memoryMiB: free.memoryMiB[offset],
          },
        });
      }
    }
    for (const offset of touched) {
      runs[offset] = 0;
    }
    return shortfalls;
  }

  /**
   * What is free for runs of a tier and tenant in every slice of the horizon (index = slice offset; cores in whole
   * millicores): the namespace's room, or for the dedicated tier the tenant's dedicated units' (see
   * findShortfalls), with `excludeJobId`'s current reservation left out. Admission scans it for alternatives.
   */
  freeProfile(
    tier: NamespaceTier,
    tenant: string,
    excludeJobId?: string,
  ): {
    scope: 'namespace' | 'tenant';
    milliCores: Float64Array;
    memoryMiB: Float64Array;
  } {
    assertTier(tier);
    assertTenant(tenant);
    const dedicated = tier === 'dedicated';
    const load = dedicated ? this.#tenants.get(tenant) : this.#tierLoad(tier);
    const capacity =
      (dedicated
        ? this.#tenantCapacity.get(tenant)
        : this.#tierCapacity.get(tier)) ?? ZERO;
    const milliCores = new Float64Array(this.sliceCount).fill(
      capacity.milliCores,
    );
    const memoryMiB = new Float64Array(this.sliceCount).fill(
      capacity.memoryMiB,
    );
    if (load) {
      for (let offset = 0; offset < this.sliceCount; offset++) {
        milliCores[offset] -= load.milliCores[offset];
        memoryMiB[offset] -= load.memoryMiB[offset];
      }
    }
    const own = excludeJobId ? this.#entries.get(excludeJobId) : undefined;
    if (own && own.tier === tier && (!dedicated || own.tenant === tenant)) {
      const ownRuns = this.#ownRuns;
      this.#countRuns(own, ownRuns, +1);
      for (let offset = 0; offset < this.sliceCount; offset++) {
        milliCores[offset] += ownRuns[offset] * own.milliCores;
        memoryMiB[offset] += ownRuns[offset] * own.memoryMiB;
      }
      ownRuns.fill(0);
    }
    return { scope: dedicated ? 'tenant' : 'namespace', milliCores, memoryMiB };
  }

  // ---- internals ----

  get #endIndex(): number {
    return this.#startIndex + this.sliceCount;
  }

  #tierLoad(tier: NamespaceTier): SliceLoad {
    assertTier(tier);
    return this.#tiers.get(tier)!;
  }

  #offsetOf(sliceStartMs: number): number {
    const offset = sliceIndexAt(sliceStartMs, this.sliceMs) - this.#startIndex;
    if (!(offset >= 0 && offset < this.sliceCount)) {
      throw new InputError(
        `sliceStartMs: ${sliceStartMs} is outside the calendar's horizon [${this.horizonStartMs}, ${this.horizonEndMs})`,
      );
    }
    return offset;
  }

  /** Slice ranges of runs, sorted by first slice (runs usually come sorted: then nothing is sorted). */
  #ranges(occurrences: readonly Occurrence[]): Ranges {
    const n = occurrences.length;
    let first = new Int32Array(n);
    let end = new Int32Array(n);
    let maxSpan = 0;
    let sorted = true;
    for (let i = 0; i < n; i++) {
      const { startMs, durationMs } = occurrences[i];
      assertOccurrence(startMs, durationMs);
      first[i] = firstSliceOfRun(startMs, this.sliceMs);
      end[i] = endSliceOfRun(startMs, durationMs, this.sliceMs);
      maxSpan = Math.max(maxSpan, end[i] - first[i]);
      sorted = sorted && (i === 0 || first[i] >= first[i - 1]);
    }
    if (!sorted) {
      const order = Array.from({ length: n }, (_, i) => i).sort(
        (a, b) => first[a] - first[b],
      );
      const [f, e] = [first, end];
      first = Int32Array.from(order, i => f[i]);
      end = Int32Array.from(order, i => e[i]);
    }
    return { first, end, maxSpan };
  }

  /** Adds (sign +1) or subtracts (-1) a job's runs in `ranges`, within absolute slices [from, to). */
  #apply(
    entry: Entry,
    ranges: Ranges,
    sign: 1 | -1,
    from: number,
    to: number,
  ): void {
    const { first, end, maxSpan } = ranges;
    if (from >= to) {
      return;
    }
    const tierLoad = this.#tierLoad(entry.tier);
    let tenantLoad: SliceLoad | undefined;
    if (entry.tier === 'dedicated') {
      tenantLoad = this.#tenants.get(entry.tenant);
      if (!tenantLoad) {
        tenantLoad = new SliceLoad(this.sliceCount);
        this.#tenants.set(entry.tenant, tenantLoad);
      }
    }
    const milli = sign * entry.milliCores;
    const memory = sign * entry.memoryMiB;
    const start = this.#startIndex;
    for (
      let i = lowerBound(first, from - maxSpan + 1);
      i < first.length && first[i] < to;
      i++
    ) {
      const lo = Math.max(first[i], from);
      const hi = Math.min(end[i], to);
      for (let s = lo; s < hi; s++) {
        const offset = s - start;
        tierLoad.milliCores[offset] += milli;
        tierLoad.memoryMiB[offset] += memory;
        tierLoad.runs[offset] += sign;
        if (tenantLoad) {
          tenantLoad.milliCores[offset] += milli;
          tenantLoad.memoryMiB[offset] += memory;
          tenantLoad.runs[offset] += sign;
        }
      }
    }
  }

  /** Adds (or subtracts) a job's run counts per slice offset of the horizon into `counts`. */
  #countRuns(entry: Entry, counts: Int32Array, sign: 1 | -1): void {
    const from = this.#startIndex;
    const to = this.#endIndex;
    for (
      let i = lowerBound(entry.first, from - entry.maxSpan + 1);
      i < entry.first.length && entry.first[i] < to;
      i++
    ) {
      const hi = Math.min(entry.end[i], to);
      for (let s = Math.max(entry.first[i], from); s < hi; s++) {
        counts[s - from] += sign;
      }
    }
  }
}

function toCapacity(r: Resources): Capacity {
  return { milliCores: toMilliCores(r.cores), memoryMiB: r.memoryMiB };
}

function toResources(c: Capacity): Resources {
  return { cores: fromMilliCores(c.milliCores), memoryMiB: c.memoryMiB };
}

function loadAt(load: SliceLoad, offset: number): Resources {
  return {
    cores: fromMilliCores(load.milliCores[offset]),
    memoryMiB: load.memoryMiB[offset],
  };
}

function minus(a: Resources, b: Resources): Resources {
  return {
    cores: fromMilliCores(toMilliCores(a.cores) - toMilliCores(b.cores)),
    memoryMiB: a.memoryMiB - b.memoryMiB,
  };
}

function ratio(committed: number, capacity: number): number {
  if (capacity === 0) {
    return committed === 0 ? 0 : Infinity;
  }
  return committed / capacity;
}

function describe(c: Capacity): string {
  return `${fromMilliCores(c.milliCores)} cores / ${c.memoryMiB} MiB`;
}

/** First index whose value is >= x in a sorted array. */
function lowerBound(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

function mergeRanges(
  firstA: Int32Array,
  endA: Int32Array,
  firstB: Int32Array,
  endB: Int32Array,
): { first: Int32Array; end: Int32Array } {
  const first = new Int32Array(firstA.length + firstB.length);
  const end = new Int32Array(first.length);
  let a = 0;
  let b = 0;
  for (let k = 0; k < first.length; k++) {
    if (b >= firstB.length || (a < firstA.length && firstA[a] <= firstB[b])) {
      first[k] = firstA[a];
      end[k] = endA[a++];
    } else {
      first[k] = firstB[b];
      end[k] = endB[b++];
    }
  }
  return { first, end };
}

function assertTier(tier: NamespaceTier): void {
  if (!NAMESPACE_TIERS.includes(tier)) {
    throw new InputError(
      `tier: must be one of ${NAMESPACE_TIERS.join(', ')}, got '${tier}'`,
    );
  }
}

function assertTenant(tenant: string): void {
  if (typeof tenant !== 'string' || tenant === '') {
    throw new InputError(`tenant: must be a non-empty tenant reference`);
  }
}

function assertJobId(jobId: string): void {
  if (typeof jobId !== 'string' || jobId === '') {
    throw new InputError(`jobId: must be a non-empty string`);
  }
}

function assertOccurrence(startMs: number, durationMs: number): void {
  if (!Number.isFinite(startMs)) {
    throw new InputError(
      `occurrences.startMs: must be an epoch time in ms, got ${startMs}`,
    );
  }
  if (!(durationMs > 0) || !Number.isFinite(durationMs)) {
    throw new InputError(
      `occurrences.durationMs: a run must last a positive, finite time, got ${durationMs}`,
    );
  }
}
