/*
 * Benchmark of the metrics queries over 90 days of run history. Prints figures; asserts nothing.
 *   node -r @backstage/cli/config/nodeTransform.cjs bench/metrics.bench.ts   (from plugins/ingestion-backend)
 * SQLite in memory always; PostgreSQL too when BENCH_POSTGRES is a connection string (a throwaway database is
 * created and dropped). BENCH_JOBS (default 100) jobs of 20 tenants run hourly for 90 days, half of them on
 * vCPU-hours with a ledger debit per run. Deterministic.
 */
import knexFactory, { Knex } from 'knex';
import { DatabaseRunMetricsStore } from '../src/database/DatabaseRunMetricsStore';
import { MIGRATIONS_DIRECTORY } from '../src/database/migrateDatabase';
import { runMetricsSummary } from '../src/domain/metrics/runMetricsSummary';

const JOBS = Number(process.env.BENCH_JOBS ?? 100);
const TENANTS = 20;
const DAYS = 90;
const HOUR = 3_600_000;
const END = Date.UTC(2026, 11, 1);
const START = END - DAYS * 24 * HOUR;
const REPEATS = 5;

const tenantOf = (job: number) => `group:default/tenant-${job % TENANTS}`;

/**
 * Timestamps as the plugin's stores leave them: Backstage's SQLite connection stores a Date as epoch
 * milliseconds, PostgreSQL as timestamptz.
 */
async function seed(db: Knex, sqlite: boolean): Promise<number> {
  const time = (ms: number) => (sqlite ? ms : new Date(ms));
  let runs: object[] = [];
  let debits: object[] = [];
  let count = 0;
  const flush = async () => {
    // Small batches: SQLite's multi-row insert is a compound select of at most 500 terms.
    for (let i = 0; i < runs.length; i += 400) {
      await db('ingestion_runs').insert(runs.slice(i, i + 400));
    }
    for (let i = 0; i < debits.length; i += 400) {
      await db('ledger_entries').insert(debits.slice(i, i + 400));
    }
    runs = [];
    debits = [];
  };
  for (let job = 0; job < JOBS; job++) {
    const vcpu = job % 2 === 0;
    for (let at = START; at < END; at += HOUR) {
      const id = `run-${job}-${at}`;
      const minutes = 5 + ((job * 7 + at / HOUR) % 40);
      const finishedAt = time(at + minutes * 60_000);
      runs.push({
        id,
        job_id: `job-${job}`,
        tenant: tenantOf(job),
        state: (at / HOUR) % 50 === 0 ? 'failed' : 'succeeded',
        trigger: 'schedule',
        scheduled_for: time(at),
        tier: vcpu ? 'vcore-hours' : 'dedicated',
        namespace: vcpu ? 'ingestion-vcore-hours' : 'ingestion-dedicated',
        opportunistic: false,
        allocated_cores: 2,
        allocated_memory_mib: 4096,
        queued_at: time(at),
        started_at: time(at),
        finished_at: finishedAt,
        metrics: JSON.stringify({ cpuTimeMs: minutes * 60_000 }),
        sla_met: minutes < 40,
        dedupe_key: id,
      });
      if (vcpu) {
        debits.push({
          tenant: tenantOf(job),
          kind: 'run-debit',
          unit_type: 'vcpu-hours',
          quantity: -(2 * minutes) / 60,
          occurred_at: finishedAt,
          run_id: id,
          idempotency_key: `debit-${id}`,
          recorded_by: 'meter',
        });
      }
      count++;
    }
    if (runs.length > 20_000) await flush();
  }
  await flush();
  return count;
}

async function median(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const started = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(REPEATS / 2)];
}

async function bench(name: string, db: Knex, sqlite: boolean) {
  await db.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
  const seeding = Date.now();
  const runs = await seed(db, sqlite);
  // As autovacuum would after a bulk load, so the planner knows the tables.
  await db.raw(sqlite ? 'analyze' : 'vacuum analyze');
  const seededIn = (Date.now() - seeding) / 1000;
  const store = new DatabaseRunMetricsStore(db);
  const range = { from: new Date(START), to: new Date(END) };
  const tenant = tenantOf(2);
  const jobMs = await median(() =>
    store.aggregate({ ...range, jobId: 'job-2' }),
  );
  const tenantMs = await median(() =>
    Promise.all([
      store.aggregate({ ...range, tenants: [tenant] }),
      store.aggregateByJob(
        { ...range, tenants: [tenant] },
        { limit: 50, offset: 0 },
      ),
    ]),
  );
  const namespaceMs = await median(() =>
    store.aggregate({ ...range, tier: 'vcore-hours' }),
  );
  const summary = runMetricsSummary(
    range,
    await store.aggregate({ ...range, tenants: [tenant] }),
  );
  process.stdout.write(
    `${name}: ${runs} runs over ${DAYS} days (seeded in ${seededIn.toFixed(
      1,
    )} s); median of ${REPEATS}: ` +
      `job ${jobMs.toFixed(1)} ms, tenant + page of jobs ${tenantMs.toFixed(
        1,
      )} ms, namespace (all tenants) ` +
      `${namespaceMs.toFixed(1)} ms; ${tenant}: ${
        summary.runs.total
      } runs, SLA ${summary.sla.compliance}, ` +
      `${summary.coreHoursAllocated} core-hours, ${summary.vcpuHoursConsumed} vCPU-hours\n`,
  );
}

async function main() {
  const sqlite = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
  });
  await bench('SQLite', sqlite, true);
  await sqlite.destroy();

  const postgres = process.env.BENCH_POSTGRES;
  if (postgres) {
    const database = `metrics_bench_${process.pid}`;
    const admin = knexFactory({ client: 'pg', connection: postgres });
    await admin.raw(`create database ${database}`);
    // The connection string names the server's own database: the benchmark's is swapped in.
    const url = new URL(postgres);
    url.pathname = `/${database}`;
    const db = knexFactory({ client: 'pg', connection: url.toString() });
    try {
      await bench('PostgreSQL', db, false);
    } finally {
      await db.destroy();
      await admin.raw(`drop database ${database}`);
      await admin.destroy();
    }
  }
}

main().catch(error => {
  process.stderr.write(`${String(error.message ?? error).slice(-500)}\n`);
  process.exit(1);
});
