import { JobLifecycleEvent } from '@internal/backstage-plugin-ingestion-common';
import { Knex } from 'knex';
import { LifecycleStore, RunNoticeKind } from './LifecycleStore';
import { toIsoString } from './timestamps';

export class DatabaseLifecycleStore implements LifecycleStore {
  constructor(private readonly db: Knex) {}

  async appendEvent(jobId: string, event: JobLifecycleEvent): Promise<void> {
    await this.db('ingestion_job_lifecycle_events').insert({
      job_id: jobId,
      at: new Date(event.at),
      kind: event.kind,
      lifecycle: event.lifecycle,
      tier: event.tier,
      by: event.by,
      reason: event.reason,
    });
  }

  async events(jobId: string): Promise<JobLifecycleEvent[]> {
    const rows = await this.db('ingestion_job_lifecycle_events')
      .where({ job_id: jobId })
      .orderBy('id');
    return rows.map(row => ({
      at: toIsoString(row.at),
      kind: row.kind,
      lifecycle: row.lifecycle,
      tier: row.tier,
      by: row.by,
      reason: row.reason,
    }));
  }

  async claimNotice(
    runId: string,
    kind: RunNoticeKind,
    at: number,
  ): Promise<boolean> {
    const rows = await this.db('ingestion_run_notices')
      .insert({ run_id: runId, kind, sent_at: new Date(at) })
      .onConflict(['run_id', 'kind'])
      .ignore()
      .returning('run_id');
    return rows.length > 0;
  }
}
