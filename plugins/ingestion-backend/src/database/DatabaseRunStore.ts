import {
  IngestionRun,
  RunState,
} from '@internal/backstage-plugin-ingestion-common';
import { Knex } from 'knex';
import { NewRun, RunStore, RunTransition } from './RunStore';
import { toIsoString } from './timestamps';

type Timestamp = Date | string | number;

interface RunRow {
  id: string;
  job_id: string;
  tenant: string;
  state: RunState;
  trigger: IngestionRun['trigger'];
  scheduled_for: Timestamp;
  tier: IngestionRun['tier'];
  namespace: string;
  opportunistic: boolean | number;
  allocated_cores: number | string;
  allocated_memory_mib: number;
  executor: string | null;
  queued_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  message: string | null;
  metrics: string | null;
  pool: IngestionRun['pool'] | null;
  sizing: string | null;
  sla_met: boolean | number | null;
  sla_overrun: number | string | null;
  output_path: string | null;
  watermark: string | null;
}

function toRun(row: RunRow): IngestionRun {
  return {
    id: row.id,
    jobId: row.job_id,
    tenant: row.tenant,
    state: row.state,
    trigger: row.trigger,
    scheduledFor: toIsoString(row.scheduled_for),
    pool: row.pool ?? (row.tier === 'dedicated' ? 'dedicated' : 'vcore-hours'),
    tier: row.tier,
    namespace: row.namespace,
    opportunistic: Boolean(row.opportunistic),
    allocatedCores: Number(row.allocated_cores),
    allocatedMemoryMiB: Number(row.allocated_memory_mib),
    queuedAt: toIsoString(row.queued_at),
    ...(row.executor && { executor: row.executor }),
    ...(row.started_at !== null && { startedAt: toIsoString(row.started_at) }),
    ...(row.finished_at !== null && {
      finishedAt: toIsoString(row.finished_at),
    }),
    ...(row.message && { message: row.message }),
    ...(row.metrics && { metrics: JSON.parse(row.metrics) }),
    ...(row.sizing && { sizing: JSON.parse(row.sizing) }),
    ...(row.sla_met !== null && { slaMet: Boolean(row.sla_met) }),
    ...(row.sla_overrun !== null && { slaOverrun: Number(row.sla_overrun) }),
    ...(row.output_path && { outputPath: row.output_path }),
    ...(row.watermark !== null && { watermark: row.watermark }),
  };
}

export class DatabaseRunStore implements RunStore {
  constructor(private readonly db: Knex) {}

  async create(run: NewRun): Promise<IngestionRun | undefined> {
    const at = new Date(run.queuedAt);
    const inserted = await this.db.transaction(async tx => {
      const rows = await tx('ingestion_runs')
        .insert({
          id: run.id,
          job_id: run.jobId,
          tenant: run.tenant,
          state: 'queued',
          trigger: run.trigger,
          scheduled_for: new Date(run.scheduledFor),
          pool: run.pool,
          tier: run.tier,
          namespace: run.namespace,
          sizing: run.sizing ? JSON.stringify(run.sizing) : null,
          opportunistic: run.opportunistic,
          allocated_cores: run.allocatedCores,
          allocated_memory_mib: run.allocatedMemoryMiB,
          executor: run.executor ?? null,
          queued_at: at,
          dedupe_key: run.dedupeKey,
        })
        .onConflict('dedupe_key')
        .ignore()
        .returning('id');
      if (rows.length === 0) return false;
      await tx('ingestion_run_transitions').insert({
        run_id: run.id,
        from_state: null,
        to_state: 'queued',
        at,
        reason: run.trigger,
      });
      return true;
    });
    return inserted ? this.get(run.id) : undefined;
  }

  async get(id: string): Promise<IngestionRun | undefined> {
    const row = await this.db<RunRow>('ingestion_runs').where({ id }).first();
    return row ? toRun(row) : undefined;
  }

  async getByDedupeKey(dedupeKey: string): Promise<IngestionRun | undefined> {
    const row = await this.db<RunRow>('ingestion_runs')
      .where('dedupe_key', dedupeKey)
      .first();
    return row ? toRun(row) : undefined;
  }

  async countQueued(
    tenant: string,
    trigger: IngestionRun['trigger'],
  ): Promise<number> {
    const [{ count }] = await this.db('ingestion_runs')
      .where({ tenant, trigger, state: 'queued' })
      .count({ count: '*' });
    return Number(count);
  }

  async listByJob(jobId: string, page: { limit: number; offset: number }) {
    const query = this.db<RunRow>('ingestion_runs').where({ job_id: jobId });
    const [{ count }] = await query.clone().count({ count: '*' });
    const rows = await query
      .orderBy('queued_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset);
    return { items: rows.map(toRun), totalCount: Number(count) };
  }

  async listInStates(
    states: RunState[],
    jobId?: string,
  ): Promise<IngestionRun[]> {
    const query = this.db<RunRow>('ingestion_runs').whereIn('state', states);
    if (jobId) query.andWhere({ job_id: jobId });
    const rows = await query.orderBy('queued_at');
    return rows.map(toRun);
  }

  async recordSlaOutcome(
    id: string,
    outcome: { met: boolean; overrun?: number },
  ): Promise<boolean> {
    const updated = await this.db('ingestion_runs')
      .where({ id })
      .whereNull('sla_met')
      .update({ sla_met: outcome.met, sla_overrun: outcome.overrun ?? null });
    return updated > 0;
  }

  async listUnjudged(): Promise<IngestionRun[]> {
    // Runs of deleted jobs have no SLA to be judged against any more: they are left out, not retried forever.
    const rows = await this.db<RunRow>('ingestion_runs')
      .select('ingestion_runs.*')
      .join('ingestion_jobs', 'ingestion_jobs.id', 'ingestion_runs.job_id')
      .whereIn('ingestion_runs.state', ['succeeded', 'failed'])
      .whereNull('ingestion_runs.sla_met')
      .orderBy('ingestion_runs.finished_at');
    return rows.map(toRun);
  }

  async transition(id: string, change: RunTransition): Promise<boolean> {
    const at = new Date(change.at);
    return this.db.transaction(async tx => {
      const updated = await tx('ingestion_runs')
        .where({ id, state: change.from })
        .update({
          state: change.to,
          ...(change.startedAt !== undefined && {
            started_at: new Date(change.startedAt),
          }),
          ...(change.finishedAt !== undefined && {
            finished_at: new Date(change.finishedAt),
          }),
          ...(change.executor !== undefined && { executor: change.executor }),
          ...(change.metrics !== undefined && {
            metrics: JSON.stringify(change.metrics),
          }),
          ...(change.opportunistic !== undefined && {
            opportunistic: change.opportunistic,
          }),
          ...(change.namespace !== undefined && {
            namespace: change.namespace,
          }),
          ...(change.reason !== undefined && { message: change.reason }),
          ...(change.outputPath !== undefined && {
            output_path: change.outputPath,
          }),
          ...(change.watermark !== undefined && {
            watermark: change.watermark,
          }),
        });
      if (updated === 0) return false;
      await tx('ingestion_run_transitions').insert({
        run_id: id,
        from_state: change.from,
        to_state: change.to,
        at,
        reason: change.reason ?? null,
      });
      return true;
    });
  }

  async transitions(id: string) {
    const rows = await this.db('ingestion_run_transitions')
      .where({ run_id: id })
      .orderBy('id');
    return rows.map(r => ({
      from: r.from_state,
      to: r.to_state,
      at: toIsoString(r.at),
      ...(r.reason && { reason: r.reason }),
    }));
  }
}
