import { NamespaceTier } from '@internal/backstage-plugin-ingestion-common';
import { RunMetrics } from '@internal/backstage-plugin-ingestion-node';
import { DatabaseRunStore } from '../database/DatabaseRunStore';

/** A run written through the run store as the dispatcher moves it: queued, running, then finished. */
export async function storeFinishedRun(
  runs: DatabaseRunStore,
  id: string,
  run: {
    jobId?: string;
    tenant: string;
    tier: NamespaceTier;
    cores: number;
    memoryMiB: number;
    startedAt: number;
    finishedAt: number;
    state?: 'succeeded' | 'failed' | 'timed_out';
    metrics?: RunMetrics;
  },
) {
  await runs.create({
    id,
    jobId: run.jobId ?? `job-${id}`,
    tenant: run.tenant,
    trigger: 'schedule',
    scheduledFor: new Date(run.startedAt).toISOString(),
    pool: run.tier === 'dedicated' ? 'dedicated' : 'vcore-hours',
    tier: run.tier,
    namespace: `ingestion-${run.tier}`,
    opportunistic: false,
    allocatedCores: run.cores,
    allocatedMemoryMiB: run.memoryMiB,
    queuedAt: new Date(run.startedAt).toISOString(),
    dedupeKey: id,
  });
  await runs.transition(id, {
    from: 'queued',
    to: 'running',
    at: run.startedAt,
    startedAt: run.startedAt,
  });
  await runs.transition(id, {
    from: 'running',
    to: run.state ?? 'succeeded',
    at: run.finishedAt,
    finishedAt: run.finishedAt,
    ...(run.metrics && { metrics: run.metrics }),
  });
}
