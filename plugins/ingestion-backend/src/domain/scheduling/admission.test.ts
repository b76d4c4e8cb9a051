import {
  JobSchedule,
  NamespaceTier,
} from '@internal/backstage-plugin-ingestion-common';
import fc from 'fast-check';
import { jobSchedule } from './__testUtils__/arbitraries';
import { AdmissionDecision, decideAdmission } from './admission';
import { SchedulableJob } from './reservation';
import { SliceCalendar } from './sliceCalendar';

const MIN = 60_000;
const DAY = 1440 * MIN;
const NOW = Date.parse('2026-05-04T00:07:00Z'); // horizon: 2026-05-04T00:00Z to 2026-05-11T00:00Z
const at = (iso: string) => Date.parse(iso);

function calendar() {
  const c = new SliceCalendar({ now: NOW });
  c.setCapacity('vcore-hours', { cores: 10, memoryMiB: 20_480 });
  c.setCapacity('draft', { cores: 4, memoryMiB: 8192 });
  c.setCapacity('dedicated', { cores: 16, memoryMiB: 32_768 });
  c.setTenantCapacity('group:a', { cores: 8, memoryMiB: 16_384 });
  c.setTenantCapacity('group:b', { cores: 8, memoryMiB: 16_384 });
  return c;
}

const daily = (expression: string): JobSchedule => ({
  type: 'cron',
  expression,
  timezone: 'UTC',
});

function job(overrides: Partial<SchedulableJob> = {}): SchedulableJob {
  return {
    jobId: 'new',
    tier: 'vcore-hours',
    tenant: 'group:v',
    demand: { cores: 4, memoryMiB: 4096 },
    schedule: daily('0 2 * * *'),
    expectedDurationMs: 15 * MIN,
    ...overrides,
  };
}

/** The decision, which must be an admission (the test fails otherwise). */
function admitted(decision: AdmissionDecision) {
  if (!decision.admitted) {
    throw new Error(
      `expected an admission, got ${decision.conflictCount} conflicts`,
    );
  }
  return decision;
}

/** The decision, which must be a refusal (the test fails otherwise). */
function refused(decision: AdmissionDecision) {
  if (decision.admitted) {
    throw new Error('expected a refusal, got an admission');
  }
  return decision;
}

function admit(c: SliceCalendar, j: SchedulableJob) {
  c.place(j.jobId, admitted(decideAdmission(c, j)).reservation);
}

describe('decideAdmission', () => {
  it('admits a schedule that fits and returns the reservation to place', () => {
    const decision = admitted(decideAdmission(calendar(), job()));
    expect(decision.reservation.occurrences).toHaveLength(7);
    expect(decision.reservation.occurrences[0]).toEqual({
      startMs: at('2026-05-04T02:00:00Z'),
      durationMs: 15 * MIN,
    });
  });

  it('refuses when one slice is full, listing that slice with what is needed and free', () => {
    const c = calendar();
    // Fills the 02:00 slice of 2026-05-06 only: 8 of 10 cores.
    admit(
      c,
      job({
        jobId: 'once',
        demand: { cores: 8, memoryMiB: 1024 },
        schedule: {
          type: 'interval',
          everyMinutes: 7 * 1440,
          startAt: '2026-05-06T02:00:00Z',
        },
      }),
    );
    const decision = refused(decideAdmission(c, job()));
    expect(decision.conflicts).toEqual([
      {
        sliceStartMs: at('2026-05-06T02:00:00Z'),
        scope: 'namespace',
        needed: { cores: 4, memoryMiB: 4096 },
        free: { cores: 2, memoryMiB: 19_456 },
      },
    ]);
    expect(decision.conflictCount).toBe(1);
  });

  it('refuses on memory alone', () => {
    const c = calendar();
    const decision = refused(
      decideAdmission(c, job({ demand: { cores: 1, memoryMiB: 30_000 } })),
    );
    expect(decision.conflicts[0].needed.memoryMiB).toBe(30_000);
    expect(decision.conflicts[0].free.memoryMiB).toBe(20_480);
  });

  it('offers the nearest shifted schedules that fit, each admissible when submitted', () => {
    const c = calendar();
    // 02:00-02:30 is full every day; 01:45 and 02:30 are free.
    admit(
      c,
      job({
        jobId: 'blocker',
        demand: { cores: 8, memoryMiB: 1024 },
        expectedDurationMs: 30 * MIN,
      }),
    );
    const request = job();
    const decision = refused(decideAdmission(c, request));
    expect(decision.conflictCount).toBe(7);
    expect(
      decision.alternatives.map(a => [
        a.shiftMinutes,
        new Date(a.firstStartMs!).toISOString(),
        a.schedule,
      ]),
    ).toEqual([
      [-15, '2026-05-04T01:45:00.000Z', daily('45 1 * * *')],
      [30, '2026-05-04T02:30:00.000Z', daily('30 2 * * *')],
      [-30, '2026-05-04T01:30:00.000Z', daily('30 1 * * *')],
    ]);
    for (const alternative of decision.alternatives) {
      expect(
        decideAdmission(c, { ...request, schedule: alternative.schedule })
          .admitted,
      ).toBe(true);
    }
  });

  it('offers shifted startAt values for an interval schedule', () => {
    const c = calendar();
    const every6h: JobSchedule = {
      type: 'interval',
      everyMinutes: 360,
      startAt: '2026-05-01T00:00:00Z',
    };
    admit(
      c,
      job({
        jobId: 'blocker',
        demand: { cores: 8, memoryMiB: 1024 },
        schedule: every6h,
      }),
    );
    const request = job({ schedule: every6h });
    const decision = refused(
      decideAdmission(c, request, { maxAlternatives: 2 }),
    );
    expect(
      decision.alternatives.map(a => [a.shiftMinutes, a.schedule]),
    ).toEqual([
      // startAt is the last shifted run before the horizon (minus a run's duration), on the shifted lattice.
      [
        15,
        {
          type: 'interval',
          everyMinutes: 360,
          startAt: '2026-05-03T18:15:00.000Z',
        },
      ],
      [
        -15,
        {
          type: 'interval',
          everyMinutes: 360,
          startAt: '2026-05-03T23:45:00.000Z',
        },
      ],
    ]);
    for (const alternative of decision.alternatives) {
      expect(
        decideAdmission(c, { ...request, schedule: alternative.schedule })
          .admitted,
      ).toBe(true);
    }
  });

  it('offers the same runs only once (an hourly job moved by 15 or by 75 minutes)', () => {
    const c = calendar();
    const hourly = daily('0 * * * *');
    admit(
      c,
      job({
        jobId: 'blocker',
        demand: { cores: 8, memoryMiB: 1024 },
        schedule: hourly,
        expectedDurationMs: 30 * MIN,
      }),
    );
    const decision = refused(
      decideAdmission(c, job({ schedule: hourly }), {
        maxAlternatives: 5,
      }),
    );
    // :45 is nearer than :30; moving by 45 or -30 gives these same runs again.
    expect(decision.alternatives.map(a => a.shiftMinutes)).toEqual([-15, 30]);
  });

  it('offers nothing when no shift within ±24 h fits', () => {
    const c = calendar();
    const decision = decideAdmission(
      c,
      job({ demand: { cores: 11, memoryMiB: 1 } }),
    );
    expect(decision).toMatchObject({ admitted: false, alternatives: [] });
  });

  it('lists at most maxConflicts conflicts but counts them all', () => {
    const decision = refused(
      decideAdmission(
        calendar(),
        job({
          demand: { cores: 11, memoryMiB: 1 },
          schedule: daily('0 */2 * * *'),
        }),
        { maxConflicts: 5 },
      ),
    );
    expect(decision.conflictCount).toBe(84);
    expect(decision.conflicts).toHaveLength(5);
  });

  it('checks a changed job without its own current reservation', () => {
    const c = calendar();
    admit(c, job({ jobId: 'mine', demand: { cores: 8, memoryMiB: 1024 } }));
    expect(
      decideAdmission(
        c,
        job({ jobId: 'mine', demand: { cores: 10, memoryMiB: 1024 } }),
      ).admitted,
    ).toBe(true);
    expect(
      decideAdmission(
        c,
        job({ jobId: 'other', demand: { cores: 3, memoryMiB: 1024 } }),
      ).admitted,
    ).toBe(false);
  });

  it('refuses a dedicated job beyond its tenant’s units even when the namespace has room', () => {
    const c = calendar();
    const decision = refused(
      decideAdmission(
        c,
        job({
          tier: 'dedicated',
          tenant: 'group:a',
          demand: { cores: 9, memoryMiB: 1024 },
        }),
      ),
    );
    expect(decision.conflicts[0].scope).toBe('tenant');
    expect(
      decideAdmission(
        c,
        job({
          tier: 'dedicated',
          tenant: 'group:nobody',
          demand: { cores: 1, memoryMiB: 1 },
        }),
      ).admitted,
    ).toBe(false);
  });

  it('gives a dedicated tenant all of its units while another tenant uses all of theirs', () => {
    const c = calendar();
    admit(
      c,
      job({
        jobId: 'b',
        tier: 'dedicated',
        tenant: 'group:b',
        demand: { cores: 8, memoryMiB: 16_384 },
        schedule: { type: 'interval', everyMinutes: 15 },
        expectedDurationMs: 15 * MIN,
      }),
    );
    expect(c.committed('dedicated', at('2026-05-05T02:00:00Z')).cores).toBe(8);
    const a = job({
      jobId: 'a',
      tier: 'dedicated',
      tenant: 'group:a',
      demand: { cores: 8, memoryMiB: 16_384 },
      schedule: { type: 'interval', everyMinutes: 15 },
    });
    expect(decideAdmission(c, a).admitted).toBe(true);
  });

  it('refuses invalid requests, naming the field', () => {
    const c = calendar();
    expect(() =>
      decideAdmission(c, job({ schedule: daily('0 2 * *') })),
    ).toThrow(/^schedule\.expression: /);
    expect(() =>
      decideAdmission(
        c,
        job({
          schedule: {
            type: 'cron',
            expression: '0 2 * * *',
            timezone: 'Nowhere/City',
          },
        }),
      ),
    ).toThrow(/^schedule\.timezone: /);
    expect(() => decideAdmission(c, job({ expectedDurationMs: -1 }))).toThrow(
      /^expectedDurationMs: /,
    );
    expect(() =>
      decideAdmission(c, job({ demand: { cores: 0, memoryMiB: 1 } })),
    ).toThrow(/^demand\.cores: /);
    expect(() => decideAdmission(c, job({ jobId: '' }))).toThrow(/^jobId: /);
  });
});

describe('decideAdmission (properties)', () => {
  const tiers: NamespaceTier[] = ['dedicated', 'vcore-hours', 'draft'];
  const tenants = ['group:t0', 'group:t1', 'group:t2'];
  // Capacities of a few runs, so that runs compete for some slices and not for others.
  const capacityArb = fc.record({
    cores: fc.integer({ min: 3, max: 12 }),
    memoryMiB: fc.integer({ min: 6, max: 24 }).map(g => g * 1024),
  });
  const requestArb = (schedule: fc.Arbitrary<JobSchedule>) =>
    fc.record({
      jobId: fc.integer({ min: 0, max: 11 }).map(i => `job-${i}`),
      tier: fc.constantFrom(...tiers),
      tenant: fc.constantFrom(...tenants),
      demand: fc.record({
        cores: fc.integer({ min: 1, max: 8 }).map(c => c / 2),
        memoryMiB: fc.integer({ min: 1, max: 8 }).map(g => g * 1024),
      }),
      schedule,
      expectedDurationMs: fc
        .integer({ min: 1, max: 12 })
        .map(q => q * 10 * MIN),
    });
  // Requests draw their schedules from a small pool, so that runs collide at the same times and shifting helps.
  const scenarioArb = fc
    .array(jobSchedule, { minLength: 1, maxLength: 4 })
    .chain(pool =>
      fc.record({
        now: fc
          .integer({ min: 0, max: 365 * 1440 })
          .map(m => Date.parse('2026-01-01T00:00:00Z') + m * MIN),
        tierCapacity: fc.record({
          'vcore-hours': capacityArb,
          draft: capacityArb,
        }),
        tenantCapacity: fc.tuple(capacityArb, capacityArb, capacityArb),
        requests: fc.array(requestArb(fc.constantFrom(...pool)), {
          minLength: 1,
          maxLength: 16,
        }),
      }),
    );

  function setUp(
    s: typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never,
  ) {
    const c = new SliceCalendar({ now: s.now });
    c.setCapacity('vcore-hours', s.tierCapacity['vcore-hours']);
    c.setCapacity('draft', s.tierCapacity.draft);
    const [t0, t1, t2] = s.tenantCapacity;
    c.setCapacity('dedicated', {
      cores: t0.cores + t1.cores + t2.cores,
      memoryMiB: t0.memoryMiB + t1.memoryMiB + t2.memoryMiB,
    });
    s.tenantCapacity.forEach((capacity, i) =>
      c.setTenantCapacity(tenants[i], capacity),
    );
    return c;
  }

  it('never commits a slice beyond capacity, and every alternative offered is admissible when submitted', () => {
    fc.assert(
      fc.property(scenarioArb, scenario => {
        const c = setUp(scenario);
        const placed = new Map<
          string,
          SchedulableJob & {
            occurrences: Array<{ startMs: number; durationMs: number }>;
          }
        >();
        const badAlternatives: string[] = [];
        for (const request of scenario.requests) {
          const decision = decideAdmission(c, request);
          if (decision.admitted) {
            c.place(request.jobId, decision.reservation);
            placed.set(request.jobId, {
              ...request,
              occurrences: [...decision.reservation.occurrences],
            });
            continue;
          }
          if (decision.alternatives.length > 3) {
            badAlternatives.push(`${decision.alternatives.length} offered`);
          }
          for (const alternative of decision.alternatives) {
            const shift = Math.abs(alternative.shiftMinutes);
            const again = decideAdmission(c, {
              ...request,
              schedule: alternative.schedule,
            });
            if (shift > 1440 || shift % 15 !== 0 || !again.admitted) {
              badAlternatives.push(JSON.stringify(alternative));
            }
          }
        }
        expect(badAlternatives).toEqual([]);
        // Independent count of what the admitted reservations commit, per tier (namespace) and per dedicated tenant.
        const overcommitted: string[] = [];
        for (let s = c.horizonStartMs; s < c.horizonEndMs; s += c.sliceMs) {
          const used = new Map<string, [number, number]>();
          for (const j of placed.values()) {
            const runs = j.occurrences.filter(
              o => o.startMs < s + c.sliceMs && o.startMs + o.durationMs > s,
            ).length;
            for (const key of j.tier === 'dedicated'
              ? [j.tier, j.tenant]
              : [j.tier]) {
              const [cores, memory] = used.get(key) ?? [0, 0];
              used.set(key, [
                cores + runs * j.demand.cores,
                memory + runs * j.demand.memoryMiB,
              ]);
            }
          }
          for (const [key, [cores, memory]] of used) {
            const capacity = tiers.includes(key as NamespaceTier)
              ? c.capacity(key as NamespaceTier)
              : c.tenantCapacity(key);
            if (cores > capacity.cores + 1e-9 || memory > capacity.memoryMiB) {
              overcommitted.push(`${key} at ${new Date(s).toISOString()}`);
            }
          }
        }
        expect(overcommitted).toEqual([]);
        expect(c.overcommittedSlices()).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('never lets other tenants’ load change a dedicated tenant’s decision', () => {
    fc.assert(
      fc.property(scenarioArb, requestArb(jobSchedule), (scenario, request) => {
        const mine = {
          ...request,
          tier: 'dedicated' as const,
          tenant: 'group:t0',
          jobId: 'mine',
        };
        const quiet = setUp(scenario);
        const busy = setUp(scenario);
        scenario.requests.forEach((generated, i) => {
          // Half of the others are dedicated jobs of the other two tenants, the rest as generated (t0 excepted).
          const other =
            i % 2 === 0
              ? {
                  ...generated,
                  tier: 'dedicated' as const,
                  tenant: i % 4 === 0 ? 'group:t1' : 'group:t2',
                }
              : generated;
          if (other.tier === 'dedicated' && other.tenant === 'group:t0') {
            return;
          }
          const decision = decideAdmission(busy, other);
          // Placed whether admitted or not: even others' over-commitment (a whole day at full demand) must not matter.
          busy.place(
            other.jobId,
            decision.admitted
              ? decision.reservation
              : {
                  ...other,
                  occurrences: [
                    { startMs: busy.horizonStartMs, durationMs: DAY },
                  ],
                },
          );
        });
        // And tenant t1 overruns: the whole dedicated namespace, all week.
        busy.place('overrun', {
          tier: 'dedicated',
          tenant: 'group:t1',
          demand: busy.capacity('dedicated'),
          occurrences: [
            {
              startMs: busy.horizonStartMs,
              durationMs: busy.horizonEndMs - busy.horizonStartMs,
            },
          ],
        });
        expect(decideAdmission(busy, mine)).toEqual(
          decideAdmission(quiet, mine),
        );
      }),
      { numRuns: 40 },
    );
  });
});
