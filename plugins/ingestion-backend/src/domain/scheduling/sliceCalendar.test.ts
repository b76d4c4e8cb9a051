import { NamespaceTier } from '@internal/backstage-plugin-ingestion-common';
import fc from 'fast-check';
import { Occurrence, Reservation, SliceCalendar } from './sliceCalendar';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.parse('2026-05-04T00:00:00Z');
const at = (h: number, m = 0) => T0 + h * HOUR + m * MIN;
const run = (startMs: number, minutes: number): Occurrence => ({
  startMs,
  durationMs: minutes * MIN,
});

function calendar(now = T0 + 7 * MIN) {
  const c = new SliceCalendar({ now });
  c.setCapacity('vcore-hours', { cores: 10, memoryMiB: 10_240 });
  c.setCapacity('draft', { cores: 4, memoryMiB: 4096 });
  c.setCapacity('dedicated', { cores: 16, memoryMiB: 16_384 });
  c.setTenantCapacity('group:a', { cores: 8, memoryMiB: 8192 });
  c.setTenantCapacity('group:b', { cores: 8, memoryMiB: 8192 });
  return c;
}

const vcore = (
  occurrences: Occurrence[],
  cores = 2,
  memoryMiB = 1024,
): Reservation => ({
  tier: 'vcore-hours',
  tenant: 'group:v',
  demand: { cores, memoryMiB },
  occurrences,
});

describe('SliceCalendar', () => {
  it('starts its horizon at the slice holding now and spans 7 days of 15-minute slices by default', () => {
    const c = new SliceCalendar({ now: at(10, 7) });
    expect(c.horizonStartMs).toBe(at(10));
    expect(c.sliceCount).toBe(672);
    expect(c.horizonEndMs - c.horizonStartMs).toBe(7 * 24 * HOUR);
    expect(
      new SliceCalendar({ now: T0, sliceMinutes: 30, horizonDays: 35 })
        .sliceCount,
    ).toBe(1680);
  });

  it('refuses a horizon shorter than 7 days or a slice length not dividing a day', () => {
    expect(() => new SliceCalendar({ now: T0, horizonDays: 6 })).toThrow(
      /^horizonDays: /,
    );
    expect(() => new SliceCalendar({ now: T0, sliceMinutes: 7 })).toThrow(
      /^sliceMinutes: /,
    );
    expect(() => new SliceCalendar({ now: NaN })).toThrow(/^now: /);
  });

  it('commits a run in every slice its duration touches (10:05-10:20: the 10:00 and 10:15 slices)', () => {
    const c = calendar();
    c.place('job-1', vcore([run(at(10, 5), 15)]));
    expect(c.committed('vcore-hours', at(9, 45))).toEqual({
      cores: 0,
      memoryMiB: 0,
    });
    expect(c.committed('vcore-hours', at(10))).toEqual({
      cores: 2,
      memoryMiB: 1024,
    });
    expect(c.committed('vcore-hours', at(10, 15))).toEqual({
      cores: 2,
      memoryMiB: 1024,
    });
    expect(c.committed('vcore-hours', at(10, 30))).toEqual({
      cores: 0,
      memoryMiB: 0,
    });
    expect(c.free('vcore-hours', at(10))).toEqual({
      cores: 8,
      memoryMiB: 9216,
    });
    expect(c.committed('draft', at(10))).toEqual({ cores: 0, memoryMiB: 0 });
  });

  it('counts overlapping runs of one job once each', () => {
    const c = calendar();
    c.place('job-1', vcore([run(at(10), 30), run(at(10, 15), 30)]));
    expect(c.committed('vcore-hours', at(10, 15)).cores).toBe(4);
    expect(c.runsInSlice('vcore-hours', at(10, 15))).toEqual([
      {
        jobId: 'job-1',
        tenant: 'group:v',
        runs: 2,
        demand: { cores: 2, memoryMiB: 1024 },
      },
    ]);
  });

  it('removes exactly what it placed, fractional cores included', () => {
    const c = calendar();
    c.place('a', vcore([run(at(10), 60)], 0.1, 100));
    c.place('b', vcore([run(at(10), 60)], 0.2, 100));
    c.remove('a');
    c.place('a', vcore([run(at(10), 60)], 0.7, 100));
    expect(c.committed('vcore-hours', at(10)).cores).toBe(0.9);
    c.remove('a');
    c.remove('b');
    for (const cell of c.heatmap('vcore-hours')) {
      expect(cell.committed).toEqual({ cores: 0, memoryMiB: 0 });
      expect(cell.runs).toBe(0);
    }
    expect(c.remove('b')).toBe(false);
  });

  it('replaces a job’s reservation when placed again, touching only its slices', () => {
    const c = calendar();
    c.place('other', vcore([run(at(12), 15)], 1, 512));
    c.place('job', vcore([run(at(10), 15)]));
    c.place('job', vcore([run(at(11), 15)], 3, 512));
    expect(c.committed('vcore-hours', at(10)).cores).toBe(0);
    expect(c.committed('vcore-hours', at(11)).cores).toBe(3);
    expect(c.committed('vcore-hours', at(12)).cores).toBe(1);
    expect(c.reservationOf('job')).toEqual({
      tier: 'vcore-hours',
      tenant: 'group:v',
      demand: { cores: 3, memoryMiB: 512 },
      runs: 1,
    });
  });

  it('counts dedicated runs in the tier and in their tenant’s own arrays', () => {
    const c = calendar();
    c.place('a1', {
      tier: 'dedicated',
      tenant: 'group:a',
      demand: { cores: 3, memoryMiB: 3000 },
      occurrences: [run(at(10), 30)],
    });
    c.place('b1', {
      tier: 'dedicated',
      tenant: 'group:b',
      demand: { cores: 2, memoryMiB: 1000 },
      occurrences: [run(at(10), 15)],
    });
    expect(c.committed('dedicated', at(10))).toEqual({
      cores: 5,
      memoryMiB: 4000,
    });
    expect(c.tenantCommitted('group:a', at(10))).toEqual({
      cores: 3,
      memoryMiB: 3000,
    });
    expect(c.tenantFree('group:a', at(10))).toEqual({
      cores: 5,
      memoryMiB: 5192,
    });
    expect(c.tenantCommitted('group:b', at(10, 15))).toEqual({
      cores: 0,
      memoryMiB: 0,
    });
    expect(c.tenantCommitted('group:nobody', at(10))).toEqual({
      cores: 0,
      memoryMiB: 0,
    });
  });

  it('never sells more dedicated units than the dedicated namespace holds', () => {
    const c = calendar();
    expect(() =>
      c.setTenantCapacity('group:c', { cores: 1, memoryMiB: 0 }),
    ).toThrow(/^tenantCapacity: .*exceed the dedicated namespace/);
    expect(() =>
      c.setCapacity('dedicated', { cores: 15, memoryMiB: 16_384 }),
    ).toThrow(/^capacity: .*less than/);
    c.setTenantCapacity('group:b', { cores: 4, memoryMiB: 4096 });
    c.setTenantCapacity('group:c', { cores: 4, memoryMiB: 4096 });
    expect(c.tenantCapacity('group:c')).toEqual({ cores: 4, memoryMiB: 4096 });
    expect(() =>
      c.setCapacity('vcore-hours', { cores: -1, memoryMiB: 0 }),
    ).toThrow(/^capacity\.cores: /);
  });

  it('refuses bad reservations, naming the field', () => {
    const c = calendar();
    expect(() => c.place('', vcore([]))).toThrow(/^jobId: /);
    expect(() =>
      c.place('j', { ...vcore([]), tier: 'gold' as NamespaceTier }),
    ).toThrow(/^tier: /);
    expect(() => c.place('j', { ...vcore([]), tenant: '' })).toThrow(
      /^tenant: /,
    );
    expect(() => c.place('j', vcore([], 0, 1))).toThrow(/^demand\.cores: /);
    expect(() => c.place('j', vcore([], 1, 1.5))).toThrow(
      /^demand\.memoryMiB: /,
    );
    expect(() =>
      c.place('j', vcore([{ startMs: at(1), durationMs: 0 }])),
    ).toThrow(/^occurrences\.durationMs: /);
    expect(() => c.committed('vcore-hours', T0 + 8 * 24 * HOUR)).toThrow(
      /^sliceStartMs: /,
    );
    expect(() => c.addOccurrences('nope', [])).toThrow(/^jobId: /);
  });

  it('lists the jobs with runs in a slice, for the heatmap hover', () => {
    const c = calendar();
    c.place('z', vcore([run(at(10), 45)]));
    c.place('y', { ...vcore([run(at(10, 30), 10)]), tenant: 'group:w' });
    c.place('x', vcore([run(at(11), 10)]));
    expect(
      c.runsInSlice('vcore-hours', at(10, 30)).map(r => [r.jobId, r.tenant]),
    ).toEqual([
      ['y', 'group:w'],
      ['z', 'group:v'],
    ]);
    expect(c.runsInSlice('draft', at(10, 30))).toEqual([]);
  });

  it('gives a 24-hour heatmap per tier', () => {
    const c = calendar();
    c.place('j', vcore([run(at(10), 15)], 5, 1024));
    const cells = c.heatmap('vcore-hours', at(0));
    expect(cells).toHaveLength(96);
    expect(cells[0].sliceStartMs).toBe(at(0));
    expect(cells[40]).toEqual({
      sliceStartMs: at(10),
      committed: { cores: 5, memoryMiB: 1024 },
      capacity: { cores: 10, memoryMiB: 10_240 },
      utilisation: 0.5,
      runs: 1,
    });
    // The last day of the horizon has fewer than 96 slices left after its first hour.
    expect(c.heatmap('vcore-hours', c.horizonEndMs - HOUR)).toHaveLength(4);
  });

  it('rolls its horizon, counting known runs that reach into the new slices', () => {
    const c = calendar(at(0));
    const end = c.horizonEndMs;
    // Starts 30 minutes before the horizon ends and lasts an hour: half of it beyond the horizon.
    c.place('long', vcore([run(end - 30 * MIN, 60), run(at(1), 15)]));
    expect(c.committed('vcore-hours', at(1)).cores).toBe(2);
    const window = c.advance(at(2, 5));
    expect(window).toEqual({ fromMs: end, toMs: end + 2 * HOUR });
    expect(c.horizonStartMs).toBe(at(2));
    expect(() => c.committed('vcore-hours', at(1))).toThrow(/^sliceStartMs: /);
    expect(c.committed('vcore-hours', end).cores).toBe(2);
    expect(c.committed('vcore-hours', end + 15 * MIN).cores).toBe(2);
    expect(c.committed('vcore-hours', end + 30 * MIN).cores).toBe(0);
    c.addOccurrences('long', [run(end + HOUR, 15)]);
    expect(c.committed('vcore-hours', end + HOUR).cores).toBe(2);
    expect(c.reservationOf('long')?.runs).toBe(2); // the 01:00 run is past and forgotten
    expect(c.advance(at(2, 10))).toEqual({
      fromMs: c.horizonEndMs,
      toMs: c.horizonEndMs,
    });
  });

  it('finds the slices where a candidate does not fit, without a changed job’s own reservation', () => {
    const c = calendar();
    c.place('full', vcore([run(at(10), 15)], 8, 1024));
    c.place('me', vcore([run(at(11), 15)], 6, 1024));
    const candidate = vcore([run(at(10), 15), run(at(11), 15)], 3, 1024);
    // 10:00 has 2 cores free for 3; 11:00 has 4 free and fits.
    expect(c.findShortfalls(candidate)).toEqual([
      {
        sliceStartMs: at(10),
        scope: 'namespace',
        needed: { cores: 3, memoryMiB: 1024 },
        free: { cores: 2, memoryMiB: 9216 },
      },
    ]);
    const twice = vcore([run(at(11), 15), run(at(11, 5), 10)], 3, 1024);
    expect(c.findShortfalls(twice).map(s => s.needed.cores)).toEqual([6]);
    expect(
      c
        .findShortfalls(candidate, { excludeJobId: 'me' })
        .map(s => s.sliceStartMs),
    ).toEqual([at(10)]);
    expect(
      c
        .findShortfalls(vcore([run(at(12), 15)], 3, 20_000))
        .map(s => s.needed.memoryMiB),
    ).toEqual([20_000]);
    expect(c.findShortfalls(candidate, { limit: 0 })).toEqual([]);
  });

  it('checks a dedicated candidate against its tenant’s units, whatever other tenants do', () => {
    const c = calendar();
    c.place('b-big', {
      tier: 'dedicated',
      tenant: 'group:b',
      demand: { cores: 8, memoryMiB: 8192 },
      occurrences: [run(at(10), 60)],
    });
    const a = {
      tier: 'dedicated' as const,
      tenant: 'group:a',
      demand: { cores: 8, memoryMiB: 8192 },
      occurrences: [run(at(10), 60)],
    };
    expect(c.findShortfalls(a)).toEqual([]);
    expect(
      c.findShortfalls({ ...a, demand: { cores: 9, memoryMiB: 1 } }),
    ).toHaveLength(4);
    expect(
      c.findShortfalls({
        ...a,
        tenant: 'group:b',
        demand: { cores: 1, memoryMiB: 1 },
      })[0].scope,
    ).toBe('tenant');
  });

  it('reports over-committed slices after a capacity cut', () => {
    const c = calendar();
    c.place('j', vcore([run(at(10), 15)], 8, 1024));
    expect(c.overcommittedSlices()).toEqual([]);
    c.setCapacity('vcore-hours', { cores: 4, memoryMiB: 10_240 });
    expect(c.overcommittedSlices()).toEqual([
      {
        scope: 'namespace',
        tier: 'vcore-hours',
        sliceStartMs: at(10),
        committed: { cores: 8, memoryMiB: 1024 },
        capacity: { cores: 4, memoryMiB: 10_240 },
      },
    ]);
  });
});

describe('SliceCalendar incremental updates (property)', () => {
  type Op =
    | {
        kind: 'place';
        job: number;
        tier: NamespaceTier;
        tenant: number;
        cores: number;
        memoryMiB: number;
        runs: Array<[number, number]>;
      }
    | { kind: 'remove'; job: number }
    | { kind: 'advance'; minutes: number }
    | { kind: 'add'; job: number; runs: Array<[number, number]> };

  const runsArb = fc.array(
    fc.tuple(
      fc.integer({ min: -600, max: 9 * 24 * 60 }),
      fc.integer({ min: 1, max: 300 }),
    ),
    { maxLength: 12 },
  );
  const opArb: fc.Arbitrary<Op> = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('place' as const),
        job: fc.integer({ min: 0, max: 5 }),
        tier: fc.constantFrom<NamespaceTier>(
          'dedicated',
          'vcore-hours',
          'draft',
        ),
        tenant: fc.integer({ min: 0, max: 2 }),
        cores: fc.integer({ min: 1, max: 4000 }).map(m => m / 1000),
        memoryMiB: fc.integer({ min: 1, max: 4096 }),
        runs: runsArb,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('remove' as const),
        job: fc.integer({ min: 0, max: 5 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('advance' as const),
        minutes: fc.integer({ min: 0, max: 3 * 24 * 60 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('add' as const),
        job: fc.integer({ min: 0, max: 5 }),
        runs: runsArb,
      }),
    },
  );

  it('always equals a from-scratch count of every placed run', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 25 }), ops => {
        let now = T0;
        const c = new SliceCalendar({ now });
        const jobs = new Map<
          string,
          {
            tier: NamespaceTier;
            tenant: string;
            cores: number;
            memoryMiB: number;
            runs: Occurrence[];
          }
        >();
        const toRuns = (rs: Array<[number, number]>) =>
          rs.map(([m, d]) => run(now + m * MIN, d));
        for (const op of ops) {
          if (op.kind === 'place') {
            const r = {
              tier: op.tier,
              tenant: `t${op.tenant}`,
              cores: op.cores,
              memoryMiB: op.memoryMiB,
              runs: toRuns(op.runs),
            };
            jobs.set(`j${op.job}`, r);
            c.place(`j${op.job}`, {
              tier: r.tier,
              tenant: r.tenant,
              demand: { cores: r.cores, memoryMiB: r.memoryMiB },
              occurrences: r.runs,
            });
          } else if (op.kind === 'remove') {
            jobs.delete(`j${op.job}`);
            c.remove(`j${op.job}`);
          } else if (op.kind === 'advance') {
            now += op.minutes * MIN;
            c.advance(now);
          } else if (jobs.has(`j${op.job}`)) {
            const added = toRuns(op.runs);
            jobs.get(`j${op.job}`)!.runs.push(...added);
            c.addOccurrences(`j${op.job}`, added);
          }
        }
        // Reference: for each slice, the demand of every run whose [start, start + duration) meets it.
        const keys = ['dedicated', 'vcore-hours', 'draft', 't0', 't1', 't2'];
        const expected: Record<string, number[][]> = {};
        const actual: Record<string, number[][]> = {};
        for (let s = c.horizonStartMs; s < c.horizonEndMs; s += c.sliceMs) {
          const sums = new Map(keys.map(k => [k, [0, 0]]));
          for (const j of jobs.values()) {
            for (const r of j.runs) {
              if (r.startMs < s + c.sliceMs && r.startMs + r.durationMs > s) {
                for (const k of j.tier === 'dedicated'
                  ? [j.tier, j.tenant]
                  : [j.tier]) {
                  sums.get(k)![0] += Math.round(j.cores * 1000);
                  sums.get(k)![1] += j.memoryMiB;
                }
              }
            }
          }
          for (const k of keys) {
            const got = k.startsWith('t')
              ? c.tenantCommitted(k, s)
              : c.committed(k as NamespaceTier, s);
            (expected[k] ??= []).push(sums.get(k)!);
            (actual[k] ??= []).push([
              Math.round(got.cores * 1000),
              got.memoryMiB,
            ]);
          }
        }
        expect(actual).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
