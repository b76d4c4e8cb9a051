import {
  preemptionMessage,
  requeueAfterPreemption,
  requeueKey,
} from './preemption';

const T0 = Date.parse('2026-03-02T10:00:00Z');

describe('requeue after preemption', () => {
  const preempted = {
    id: 'run-1',
    jobId: 'job-1',
    tenant: 'group:default/team-lyra',
    trigger: 'schedule' as const,
    scheduledFor: '2026-03-02T09:45:00.000Z',
    pool: 'vcore-hours' as const,
    tier: 'vcore-hours' as const,
    namespace: 'ingestion-dedicated',
    opportunistic: true,
    allocatedCores: 3,
    allocatedMemoryMiB: 6144,
    sizing: {
      driverCores: 1,
      driverMemoryMiB: 2048,
      executorCores: 1,
      executorMemoryMiB: 2048,
      executorInstances: 2,
    },
    executor: 'local-spark',
  };

  it('queues the same occurrence again, in its own namespace, no longer opportunistic', () => {
    const next = requeueAfterPreemption(preempted, {
      runId: 'run-2',
      now: T0,
      homeNamespace: 'ingestion-vcore-hours',
    });
    expect(next).toEqual({
      id: 'run-2',
      jobId: 'job-1',
      tenant: 'group:default/team-lyra',
      trigger: 'schedule',
      scheduledFor: '2026-03-02T09:45:00.000Z',
      pool: 'vcore-hours',
      tier: 'vcore-hours',
      namespace: 'ingestion-vcore-hours',
      opportunistic: false,
      allocatedCores: 3,
      allocatedMemoryMiB: 6144,
      sizing: preempted.sizing,
      executor: 'local-spark',
      queuedAt: '2026-03-02T10:00:00.000Z',
      dedupeKey: requeueKey('run-1'),
    });
    expect(next.sizing).not.toBe(preempted.sizing);
  });

  it('is keyed by the preempted run, so a retried preemption queues it once', () => {
    expect(requeueKey('run-1')).toBe(requeueKey('run-1'));
    expect(requeueKey('run-1')).not.toBe(requeueKey('run-2'));
  });

  it('tells the tenant why the run stopped, that it costs nothing, and where it went', () => {
    expect(
      preemptionMessage({
        startedAt: T0,
        preemptedAt: T0 + 90_000,
        requeuedAs: 'run-2',
      }),
    ).toBe(
      'preempted after 1.5 min on capacity lent by the dedicated namespace, which its owner needed back; not charged, requeued as run run-2',
    );
  });
});
