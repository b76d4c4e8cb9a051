import { Knex } from 'knex';
import { RunAggregates } from '../domain/metrics/runMetricsSummary';
import { RunMetricsFilter, RunMetricsStore } from './RunMetricsStore';

/**
 * Adds up finished runs in SQL. Timestamps are epoch milliseconds in SQLite and timestamptz in PostgreSQL, and the
 * run's metrics are JSON text, so the duration and CPU time expressions differ per database.
 */
export class DatabaseRunMetricsStore implements RunMetricsStore {
  readonly #postgres: boolean;

  constructor(private readonly db: Knex) {
    this.#postgres = !String(db.client.config.client).includes('sqlite');
  }

  async aggregate(filter: RunMetricsFilter): Promise<RunAggregates> {
    const row = await this.#runs(filter).select(this.#aggregates()).first();
    return row as RunAggregates;
  }

  async aggregateByJob(
    filter: RunMetricsFilter,
    page: { limit: number; offset: number },
  ) {
    const rows = await this.#runs(filter)
      .select('r.job_id as jobId', this.#aggregates())
      .groupBy('r.job_id')
      .orderBy([
        { column: 'total', order: 'desc' },
        { column: 'r.job_id', order: 'asc' },
      ])
      .limit(page.limit)
      .offset(page.offset);
    const counted = await this.db
      .from(this.#runs(filter).distinct('r.job_id').as('jobs'))
      .count({ n: '*' })
      .first();
    return {
      items: rows.map(({ jobId, ...aggregates }: any) => ({
        jobId,
        aggregates: aggregates as RunAggregates,
      })),
      totalCount: Number(counted?.n ?? 0),
    };
  }

  #runs(filter: RunMetricsFilter) {
    // The meter debits a run once, at its finish, with a negative quantity under the run's id. Only the debits of
    // the runs asked for are grouped.
    const debits = this.db('ledger_entries')
      .select('run_id')
      .sum({ debited: 'quantity' })
      .where('kind', 'run-debit')
      .where('occurred_at', '>=', filter.from)
      .where('occurred_at', '<', filter.to)
      .whereIn(
        'run_id',
        this.#matching(this.db('ingestion_runs'), filter).select('id'),
      )
      .groupBy('run_id')
      .as('d');
    return this.#matching(
      this.db('ingestion_runs as r').leftJoin(debits, 'd.run_id', 'r.id'),
      filter,
      'r.',
    );
  }

  /** Runs that started and finished in the range, narrowed by the filter. */
  #matching(query: Knex.QueryBuilder, filter: RunMetricsFilter, prefix = '') {
    query
      .whereNotNull(`${prefix}started_at`)
      .where(`${prefix}finished_at`, '>=', filter.from)
      .where(`${prefix}finished_at`, '<', filter.to);
    if (filter.tenants) query.whereIn(`${prefix}tenant`, filter.tenants);
    if (filter.jobId) query.where(`${prefix}job_id`, filter.jobId);
    if (filter.tier) query.where(`${prefix}tier`, filter.tier);
    return query;
  }

  #aggregates() {
    const raw = (sql: string) => this.db.raw(sql);
    const durationMs = this.#postgres
      ? 'extract(epoch from (r.finished_at - r.started_at)) * 1000'
      : '(r.finished_at - r.started_at)';
    const cpuTimeMs = this.#postgres
      ? "coalesce((r.metrics::json->>'cpuTimeMs')::double precision, 0)"
      : "coalesce(json_extract(r.metrics, '$.cpuTimeMs'), 0)";
    const state = (name: string) =>
      `sum(case when r.state = '${name}' then 1 else 0 end)`;
    return {
      total: raw('count(*)'),
      succeeded: raw(state('succeeded')),
      failed: raw(state('failed')),
      timedOut: raw(state('timed_out')),
      cancelled: raw(state('cancelled')),
      meanDurationMs: raw(`avg(${durationMs})`),
      maxDurationMs: raw(`max(${durationMs})`),
      slaMeasured: raw(
        'sum(case when r.sla_met is not null then 1 else 0 end)',
      ),
      slaMet: raw(
        `sum(case when r.sla_met = ${
          this.#postgres ? 'true' : '1'
        } then 1 else 0 end)`,
      ),
      allocatedCoreMs: raw(`sum(r.allocated_cores * ${durationMs})`),
      cpuTimeMs: raw(`sum(${cpuTimeMs})`),
      vcpuHoursDebited: raw('-sum(coalesce(d.debited, 0))'),
    };
  }
}
