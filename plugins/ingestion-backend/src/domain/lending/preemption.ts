import { IngestionRun } from '@internal/backstage-plugin-ingestion-common';

/** A run stopped to give lent capacity back, as its tenant is told. */
export interface Preemption {
  /** When it started on lent capacity, epoch ms. */
  startedAt: number;
  preemptedAt: number;
  /** The run queued in its place. */
  requeuedAs: string;
}

/** The queued run that replaces a preempted one: one per preempted run, however often the preemption is retried. */
export function requeueKey(preemptedRunId: string): string {
  return `preempted:${preemptedRunId}`;
}

/** Why the run stopped, in the tenant's words: stored as the run's message. */
export function preemptionMessage(p: Preemption): string {
  const minutes = Math.max(0, (p.preemptedAt - p.startedAt) / 60_000);
  return `preempted after ${minutes.toFixed(
    1,
  )} min on capacity lent by the dedicated namespace, which its owner needed back; not charged, requeued as run ${
    p.requeuedAs
  }`;
}

/** What a preempted run keeps when it is queued again. */
export type PreemptedRun = Pick<
  IngestionRun,
  | 'id'
  | 'jobId'
  | 'tenant'
  | 'trigger'
  | 'scheduledFor'
  | 'pool'
  | 'tier'
  | 'allocatedCores'
  | 'allocatedMemoryMiB'
  | 'sizing'
  | 'executor'
>;

/**
 * The run queued in place of a preempted one: the same occurrence, pool and sizing, back in its own tier's namespace
 * and no longer opportunistic (it may borrow again, or start on its own tier's capacity, whichever comes first).
 */
export function requeueAfterPreemption(
  run: PreemptedRun,
  next: { runId: string; now: number; homeNamespace: string },
) {
  return {
    id: next.runId,
    jobId: run.jobId,
    tenant: run.tenant,
    trigger: run.trigger,
    scheduledFor: run.scheduledFor,
    pool: run.pool,
    tier: run.tier,
    namespace: next.homeNamespace,
    opportunistic: false,
    allocatedCores: run.allocatedCores,
    allocatedMemoryMiB: run.allocatedMemoryMiB,
    ...(run.sizing && { sizing: { ...run.sizing } }),
    ...(run.executor && { executor: run.executor }),
    queuedAt: new Date(next.now).toISOString(),
    dedupeKey: requeueKey(run.id),
  };
}
