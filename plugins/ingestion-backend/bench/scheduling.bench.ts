/*
 * Benchmark of the scheduler's pure domain. Prints figures; asserts nothing. Run with bench/run.sh.
 *
 * Workload: 10,000 jobs of 100 tenants (30 with dedicated units, 70 with vCPU-hours; 15% of jobs in draft), mixed
 * cron (5 time zones, daily to every 15 minutes) and interval (every 30 minutes to daily) schedules, runs of 5 to
 * 120 minutes, over a 7-day horizon of 15-minute slices. Deterministic (seeded).
 */
import { NamespaceTier } from '@internal/backstage-plugin-ingestion-common';
import {
  AdmissionDecision,
  Resources,
  SchedulableJob,
  SliceCalendar,
  decideAdmission,
  expandSchedule,
  rebuildCalendar,
  reservationFor,
  runsOverlapping,
} from '../src/domain/scheduling';

const JOBS = Number(process.env.BENCH_JOBS ?? 10_000);
const TENANTS = 100;
const DEDICATED_TENANTS = 30;
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 2_000);
const MIN = 60_000;

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeJobs(
  count: number,
  seed: number,
  idPrefix: string,
): SchedulableJob[] {
  const random = mulberry32(seed);
  const int = (min: number, max: number) =>
    min + Math.floor(random() * (max - min + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const zones = [
    'UTC',
    'Europe/Berlin',
    'America/New_York',
    'Asia/Kolkata',
    'Asia/Tokyo',
  ];
  const jobs: SchedulableJob[] = [];
  for (let i = 0; i < count; i++) {
    const t = int(0, TENANTS - 1);
    const tenant = `group:default/tenant-${t}`;
    let tier: NamespaceTier =
      t < DEDICATED_TENANTS ? 'dedicated' : 'vcore-hours';
    if (random() < 0.15) {
      tier = 'draft';
    }
    const m = int(0, 59);
    const h = int(0, 23);
    const kind = random();
    let schedule: SchedulableJob['schedule'];
    if (kind < 0.6) {
      // Shapes by cumulative share: daily 40%, weekdays 15%, every n hours 30%, twice a day 10%, sub-hourly 5%.
      const shapes: Array<[number, () => string]> = [
        [0.4, () => `${m} ${h} * * *`],
        [0.55, () => `${m} ${h} * * 1-5`],
        [0.85, () => `${m} */${pick([1, 2, 3, 4, 6, 12])} * * *`],
        [0.95, () => `${m} ${h},${(h + 12) % 24} * * *`],
        [1, () => pick(['*/15 * * * *', `${m % 30},${(m % 30) + 30} * * * *`])],
      ];
      const shape = random();
      const expression = shapes.find(([share]) => shape < share)![1]();
      schedule = { type: 'cron', expression, timezone: pick(zones) };
    } else {
      schedule = {
        type: 'interval',
        everyMinutes: pick([30, 60, 120, 240, 360, 720, 1440]),
        startAt: new Date(Date.UTC(2026, 0, 1, h, m)).toISOString(),
      };
    }
    jobs.push({
      jobId: `${idPrefix}-${i}`,
      tier,
      tenant,
      demand: { cores: int(1, 8), memoryMiB: int(2, 32) * 1024 },
      schedule,
      expectedDurationMs: int(5, 120) * MIN,
    });
  }
  return jobs;
}

const ample: Resources = { cores: 1e6, memoryMiB: 1e9 };
function ampleCapacities() {
  return {
    tiers: { dedicated: ample, 'vcore-hours': ample, draft: ample },
    tenants: Object.fromEntries(
      Array.from({ length: DEDICATED_TENANTS }, (_, t) => [
        `group:default/tenant-${t}`,
        { cores: 1e4, memoryMiB: 1e7 },
      ]),
    ),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const print = (line: string) => process.stdout.write(`${line}\n`);

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const result = f();
  return [result, performance.now() - t0];
}

/** Sets each tier's (and dedicated tenant's) capacity to 5% above its peak, so that new jobs compete for room. */
function tightenCapacity(calendar: SliceCalendar, jobs: SchedulableJob[]) {
  const peak = (get: (s: number) => Resources) => {
    let cores = 0;
    let memoryMiB = 0;
    for (
      let s = calendar.horizonStartMs;
      s < calendar.horizonEndMs;
      s += calendar.sliceMs
    ) {
      const r = get(s);
      cores = Math.max(cores, r.cores);
      memoryMiB = Math.max(memoryMiB, r.memoryMiB);
    }
    return {
      cores: Math.ceil(cores * 1.05),
      memoryMiB: Math.ceil(memoryMiB * 1.05),
    };
  };
  const tenants = new Set(
    jobs.filter(j => j.tier === 'dedicated').map(j => j.tenant),
  );
  const tenantPeaks = [...tenants].map(
    t => [t, peak(s => calendar.tenantCommitted(t, s))] as const,
  );
  for (const [tenant] of tenantPeaks)
    calendar.setTenantCapacity(tenant, { cores: 0, memoryMiB: 0 });
  const sum = tenantPeaks.reduce(
    (acc, [, p]) => ({
      cores: acc.cores + p.cores,
      memoryMiB: acc.memoryMiB + p.memoryMiB,
    }),
    { cores: 0, memoryMiB: 0 },
  );
  calendar.setCapacity('dedicated', sum);
  for (const [tenant, p] of tenantPeaks) calendar.setTenantCapacity(tenant, p);
  for (const tier of ['vcore-hours', 'draft'] as const) {
    calendar.setCapacity(
      tier,
      peak(s => calendar.committed(tier, s)),
    );
  }
}

function benchWeek(label: string, now: number) {
  print(`\n== ${label}: horizon from ${new Date(now).toISOString()} ==`);
  const jobs = makeJobs(JOBS, 42, 'job');
  const options = { now };

  // The full recompute (expansion + placement): first in this process (cron expressions parsed, zone days
  // computed), then again with those memoised; then expansion alone.
  const [calendar, coldMs] = time(() =>
    rebuildCalendar(options, ampleCapacities(), jobs),
  );
  const warm = Array.from(
    { length: 5 },
    () => time(() => rebuildCalendar(options, ampleCapacities(), jobs))[1],
  ).sort((a, b) => a - b);
  const [runs, expandMs] = time(() =>
    jobs.reduce(
      (n, j) =>
        n +
        runsOverlapping(
          j.schedule,
          j.expectedDurationMs,
          now,
          now + 7 * 1440 * MIN,
        ).length,
      0,
    ),
  );
  const distinct = new Set(
    jobs.map(j => (j.schedule.type === 'cron' ? j.schedule.expression : '')),
  ).size;
  print(
    `jobs ${jobs.length} (${
      distinct - 1
    } distinct cron expressions), runs in the horizon ${runs}`,
  );
  print(
    `full recompute, 10k jobs x 7 days: first in process ${ms(
      coldMs,
    )}, then median of 5 ${ms(warm[2])} (max ${ms(warm[4])})`,
  );
  print(`  of which schedule expansion (warm): ${ms(expandMs)}`);

  // Incremental updates (Requirement 7.5: within 2 s of a schedule change).
  const updates = jobs.slice(0, 1000).map(j => {
    const reservation = reservationFor(j, {
      fromMs: calendar.horizonStartMs,
      toMs: calendar.horizonEndMs,
    });
    return time(() => calendar.place(j.jobId, reservation))[1];
  });
  updates.sort((a, b) => a - b);
  print(
    `place (replace) one job: p50 ${ms(percentile(updates, 0.5))}, p99 ${ms(
      percentile(updates, 0.99),
    )}`,
  );

  // Rolling the horizon by one slice, with the new window's runs for every job.
  const [, advanceMs] = time(() => {
    const window = calendar.advance(now + 15 * MIN);
    for (const j of jobs) {
      const starts = expandSchedule(j.schedule, window.fromMs, window.toMs);
      if (starts.length) {
        calendar.addOccurrences(
          j.jobId,
          starts.map(startMs => ({
            startMs,
            durationMs: j.expectedDurationMs,
          })),
        );
      }
    }
  });
  print(
    `advance by one slice + add the new window's runs of all jobs: ${ms(
      advanceMs,
    )}`,
  );

  // Admission: capacities just above today's peaks, then new jobs (75%) and changes of existing jobs (25%).
  tightenCapacity(calendar, jobs);
  const candidates = makeJobs(DECISIONS, 7, 'new').map((j, i) =>
    i % 4 === 0
      ? {
          ...jobs[(i * 7919) % jobs.length],
          schedule: j.schedule,
          demand: j.demand,
        }
      : j,
  );
  const latencies: number[] = [];
  const refusedLatencies: number[] = [];
  let withAlternatives = 0;
  let alternatives = 0;
  for (const candidate of candidates) {
    const [decision, took] = time(
      (): AdmissionDecision => decideAdmission(calendar, candidate),
    );
    latencies.push(took);
    if (!decision.admitted) {
      refusedLatencies.push(took);
      if (decision.alternatives.length > 0) withAlternatives++;
      alternatives += decision.alternatives.length;
    }
  }
  const summary = (xs: number[]) => {
    if (xs.length === 0) return 'none';
    xs.sort((a, b) => a - b);
    return `p50 ${ms(percentile(xs, 0.5))}, p95 ${ms(
      percentile(xs, 0.95),
    )}, p99 ${ms(percentile(xs, 0.99))}, max ${ms(xs[xs.length - 1])}`;
  };
  print(`admission, ${candidates.length} decisions: ${summary(latencies)}`);
  print(
    `  refused ${
      refusedLatencies.length
    } (${withAlternatives} with alternatives, ${alternatives} offered): ${summary(
      refusedLatencies,
    )}`,
  );
}

const weeks: Record<string, [string, number]> = {
  ordinary: ['ordinary week', Date.parse('2026-05-04T00:07:00Z')],
  dst: [
    'week with DST changes (Europe 2026-10-25, US 2026-11-01)',
    Date.parse('2026-10-24T00:07:00Z'),
  ],
};
const chosen = process.argv[2] ?? 'ordinary';
if (!weeks[chosen]) {
  throw new Error(
    `week: one of ${Object.keys(weeks).join(', ')}, got '${chosen}'`,
  );
}
print(`Node ${process.version}, ${JOBS} jobs, ${TENANTS} tenants`);
benchWeek(...weeks[chosen]);
