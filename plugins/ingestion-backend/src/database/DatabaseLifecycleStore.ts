import {
  IngestionJob,
  IngestionJobSpec,
  JobLifecycleEvent,
} from '@internal/backstage-plugin-ingestion-common';
import { Knex } from 'knex';
import { DatabaseJobStore } from './DatabaseJobStore';
import { LifecycleStore, RunNoticeKind } from './LifecycleStore';
import { toIsoString } from './timestamps';

export class DatabaseLifecycleStore implements LifecycleStore {
  constructor(private readonly db: Knex) {}

  async recordStep(
    jobId: string,
    step: JobLifecycleEvent,
    change: { spec?: IngestionJobSpec } = {},
  ): Promise<IngestionJob> {
    return this.db.transaction(async tx => {
      const job = await new DatabaseJobStore(tx).update(
        jobId,
        {
          lifecycle: step.lifecycle,
          tier: step.tier,
          lifecycleReason: step.reason,
          ...(change.spec && { spec: change.spec }),
        },
        step.by,
        Date.parse(step.at),
      );
      await tx('ingestion_job_lifecycle_events').insert({
        job_id: jobId,
        at: new Date(step.at),
        kind: step.kind,
        lifecycle: step.lifecycle,
        tier: step.tier,
        by: step.by,
        reason: step.reason,
      });
      return job;
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
