import fc from 'fast-check';
import {
  EMPTY_FAIR_QUEUE,
  QueuedRun,
  TenantClaim,
  afterDispatch,
  fairQueueOrder,
  shareSlice,
} from './fairShare';

const claim = (
  tenant: string,
  weight: number,
  cores: number,
  memoryMiB = cores * 1024,
): TenantClaim => ({
  tenant,
  weight,
  demand: { cores, memoryMiB },
});
const plenty = { cores: 100, memoryMiB: 1_000_000 }; // memory never binds: a cores-only contest

describe('shareSlice', () => {
  it('splits a contended slice in proportion to purchased vCPU-hours (1:3 -> 25:75)', () => {
    const shares = shareSlice(plenty, [
      claim('a', 100, 200),
      claim('b', 300, 200),
    ]);
    expect(shares.get('a')!.cores).toBeCloseTo(25, 9);
    expect(shares.get('b')!.cores).toBeCloseTo(75, 9);
  });

  it('gives a small tenant all it asks and redistributes the rest by weight', () => {
    const shares = shareSlice(plenty, [
      claim('small', 1, 10),
      claim('b', 1, 100),
      claim('c', 2, 100),
    ]);
    expect(shares.get('small')!.cores).toBeCloseTo(10, 9);
    expect(shares.get('b')!.cores).toBeCloseTo(30, 9);
    expect(shares.get('c')!.cores).toBeCloseTo(60, 9);
  });

  it('gives everyone what they ask when it all fits', () => {
    const shares = shareSlice(plenty, [claim('a', 1, 10), claim('b', 5, 20)]);
    expect(shares.get('a')).toEqual({ cores: 10, memoryMiB: 10_240 });
    expect(shares.get('b')).toEqual({ cores: 20, memoryMiB: 20_480 });
  });

  it('shares by dominant resource when memory is what runs out', () => {
    // a's dominant resource is cores (50 of 100), b's memory (2000 of 1000). Raising both dominant shares equally,
    // a is satisfied at 0.5 while memory still has room; b then takes the memory left.
    const shares = shareSlice({ cores: 100, memoryMiB: 1000 }, [
      claim('a', 1, 50, 100),
      claim('b', 1, 50, 2000),
    ]);
    expect(shares.get('a')).toEqual({ cores: 50, memoryMiB: 100 });
    expect(shares.get('b')!.memoryMiB).toBeCloseTo(900, 6);
    expect(shares.get('b')!.cores).toBeCloseTo(22.5, 6);
  });

  it('holds memory-bound tenants at equal dominant shares, scaled by weight', () => {
    const shares = shareSlice({ cores: 100, memoryMiB: 1000 }, [
      claim('a', 1, 10, 2000),
      claim('b', 3, 10, 2000),
    ]);
    expect(shares.get('a')!.memoryMiB).toBeCloseTo(250, 6);
    expect(shares.get('b')!.memoryMiB).toBeCloseTo(750, 6);
  });

  it('gives nothing to a tenant asking for a resource the slice has none of', () => {
    const shares = shareSlice({ cores: 10, memoryMiB: 0 }, [
      claim('a', 1, 5, 10),
    ]);
    expect(shares.get('a')).toEqual({ cores: 0, memoryMiB: 0 });
  });

  it('refuses missing weights and duplicate tenants, naming the field', () => {
    expect(() => shareSlice(plenty, [claim('a', 0, 1)])).toThrow(
      /^weights: tenant 'a'/,
    );
    expect(() =>
      shareSlice(plenty, [claim('a', 1, 1), claim('a', 1, 1)]),
    ).toThrow(/^claims: /);
  });

  it('is weighted max-min fair (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          cores: fc.integer({ min: 1, max: 200 }),
          memoryMiB: fc.integer({ min: 1, max: 200_000 }),
        }),
        fc.uniqueArray(
          fc.record({
            tenant: fc.string({ minLength: 1, maxLength: 4 }),
            weight: fc.integer({ min: 1, max: 1000 }),
            cores: fc.integer({ min: 0, max: 100 }),
            memoryMiB: fc.integer({ min: 0, max: 100_000 }),
          }),
          { selector: c => c.tenant, maxLength: 8 },
        ),
        (capacity, raw) => {
          const claims = raw.map(r =>
            claim(r.tenant, r.weight, r.cores, r.memoryMiB),
          );
          const shares = shareSlice(capacity, claims);
          const eps = 1e-6;
          let cores = 0;
          let memory = 0;
          const level = (c: TenantClaim) => {
            const s = shares.get(c.tenant)!;
            return (
              Math.max(
                s.cores / capacity.cores,
                s.memoryMiB / capacity.memoryMiB,
              ) / c.weight
            );
          };
          for (const c of claims) {
            const s = shares.get(c.tenant)!;
            // Never more than asked, and in the proportions of the demand.
            expect(s.cores).toBeLessThanOrEqual(c.demand.cores + eps);
            expect(s.memoryMiB).toBeLessThanOrEqual(c.demand.memoryMiB + eps);
            cores += s.cores;
            memory += s.memoryMiB;
          }
          // Never more than the slice holds.
          expect(cores).toBeLessThanOrEqual(capacity.cores * (1 + eps));
          expect(memory).toBeLessThanOrEqual(capacity.memoryMiB * (1 + eps));
          const unsatisfied = claims.filter(
            c =>
              shares.get(c.tenant)!.cores < c.demand.cores - eps ||
              shares.get(c.tenant)!.memoryMiB < c.demand.memoryMiB - eps,
          );
          // Work-conserving: someone wants more only if a resource has run out...
          const exhausted =
            Math.max(cores / capacity.cores, memory / capacity.memoryMiB) >
            1 - eps;
          expect(unsatisfied.length === 0 || exhausted).toBe(true);
          // ...and every unsatisfied tenant sits at the same weighted dominant share, which no satisfied tenant exceeds.
          const levels = unsatisfied.map(level);
          const top = Math.max(0, ...levels);
          expect(top - Math.min(top, ...levels)).toBeLessThan(
            eps * Math.max(1, top),
          );
          const above = claims.filter(
            c => unsatisfied.length > 0 && level(c) > top * (1 + eps) + eps,
          );
          expect(above).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('fairQueueOrder', () => {
  const runs = (
    tenant: string,
    n: number,
    enqueuedAtMs = 0,
    cores = 2,
  ): QueuedRun[] =>
    Array.from({ length: n }, (_, i) => ({
      runId: `${tenant}-${String(i).padStart(3, '0')}`,
      tenant,
      enqueuedAtMs: enqueuedAtMs + i,
      cores,
      expectedDurationMs: 3_600_000,
    }));

  it('does not let a tenant with a long backlog monopolise the namespace', () => {
    const order = fairQueueOrder(
      [...runs('big', 100), ...runs('late', 3, 1000)],
      { big: 1, late: 1 },
    );
    // The later tenant's three runs alternate with the big backlog instead of waiting behind it.
    expect(order.slice(0, 6).map(r => r.tenant)).toEqual([
      'big',
      'late',
      'big',
      'late',
      'big',
      'late',
    ]);
  });

  it('serves backlogged tenants in proportion to their weights', () => {
    const order = fairQueueOrder([...runs('a', 40), ...runs('b', 40)], {
      a: 1,
      b: 3,
    });
    const first = order.slice(0, 20);
    expect(first.filter(r => r.tenant === 'b')).toHaveLength(15);
    expect(first.filter(r => r.tenant === 'a')).toHaveLength(5);
  });

  it('keeps each tenant’s runs in arrival order', () => {
    const order = fairQueueOrder([...runs('a', 5)].reverse(), { a: 1 });
    expect(order.map(r => r.runId)).toEqual([
      'a-000',
      'a-001',
      'a-002',
      'a-003',
      'a-004',
    ]);
  });

  it('charges a run’s cost in vCPU-hours: one big run counts as several small ones', () => {
    const order = fairQueueOrder(
      [...runs('big', 2, 0, 8), ...runs('small', 8, 0, 2)],
      { big: 1, small: 1 },
    );
    // Start tags: small 0, 2, 4, 6, 8, ...; big 0, 8. At equal tags the earlier arrival goes first.
    expect(order.map(r => r.tenant)).toEqual([
      'big',
      'small',
      'small',
      'small',
      'small',
      'big',
      'small',
      'small',
      'small',
      'small',
    ]);
  });

  it('remembers what a tenant was served across dispatches, without banking credit for idle tenants', () => {
    let state = EMPTY_FAIR_QUEUE;
    for (const run of runs('heavy', 3)) {
      state = afterDispatch(state, run, 1);
    }
    // heavy has used 6 vCPU-hours; a newcomer starts at the virtual clock, so it goes first now...
    expect(
      fairQueueOrder(
        [...runs('heavy', 1, 10), ...runs('new', 1, 20)],
        { heavy: 1, new: 1 },
        state,
      )[0].tenant,
    ).toBe('new');
    // ...but only once: it gets no credit for the time it was idle.
    const order = fairQueueOrder(
      [...runs('heavy', 4, 10), ...runs('new', 4, 20)],
      { heavy: 1, new: 1 },
      state,
    );
    expect(order.map(r => r.tenant).slice(0, 4)).toEqual([
      'new',
      'heavy',
      'new',
      'heavy',
    ]);
  });

  it('refuses a tenant without purchased vCPU-hours, naming it', () => {
    expect(() => fairQueueOrder(runs('a', 1), {})).toThrow(
      /^weights: tenant 'a'/,
    );
  });

  it('bounds the service gap between backlogged tenants by one run (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            weight: fc.integer({ min: 1, max: 10 }),
            runs: fc.array(
              fc.record({
                cores: fc.integer({ min: 1, max: 8 }),
                hours: fc.integer({ min: 1, max: 4 }),
              }),
              {
                minLength: 1,
                maxLength: 30,
              },
            ),
          }),
          { minLength: 2, maxLength: 5 },
        ),
        tenants => {
          const waiting: QueuedRun[] = tenants.flatMap((t, i) =>
            t.runs.map((r, k) => ({
              runId: `${i}-${k}`,
              tenant: `t${i}`,
              enqueuedAtMs: k,
              cores: r.cores,
              expectedDurationMs: r.hours * 3_600_000,
            })),
          );
          const weights = Object.fromEntries(
            tenants.map((t, i) => [`t${i}`, t.weight]),
          );
          const order = fairQueueOrder(waiting, weights);
          expect(order).toHaveLength(waiting.length);
          const maxCost = Math.max(
            ...waiting.map(r => (r.cores * r.expectedDurationMs) / 3_600_000),
          );
          const served = new Map<string, number>();
          const left = new Map(tenants.map((t, i) => [`t${i}`, t.runs.length]));
          let widestGap = 0;
          for (const run of order) {
            served.set(
              run.tenant,
              (served.get(run.tenant) ?? 0) +
                (run.cores * run.expectedDurationMs) / 3_600_000,
            );
            left.set(run.tenant, left.get(run.tenant)! - 1);
            // Among tenants that still have runs waiting, normalised service differs by at most one run's cost.
            const backlogged = [...left]
              .filter(([, n]) => n > 0)
              .map(([tenant]) => (served.get(tenant) ?? 0) / weights[tenant]);
            const gap =
              backlogged.length > 1
                ? Math.max(...backlogged) - Math.min(...backlogged)
                : 0;
            widestGap = Math.max(widestGap, gap);
          }
          expect(widestGap).toBeLessThanOrEqual(maxCost + 1e-9);
        },
      ),
      { numRuns: 200 },
    );
  });
});
