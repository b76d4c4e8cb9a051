import { IngestionRun } from '@internal/backstage-plugin-ingestion-common';
import {
  afterDispatch,
  EMPTY_FAIR_QUEUE,
  fairQueueOrder,
  FairQueueState,
  QueuedRun,
} from '../domain/scheduling/fairShare';

/**
 * Weighted fair queuing of the runs waiting in the vcore-hours namespace, weighted by purchased vCPU-hours
 * (Requirement 10.2, 10.3). The virtual-time state lives across dispatcher ticks, so a tenant with a long queue
 * accrues its share's worth of debt and cannot starve small tenants by always being first in line.
 */
export class FairDispatchOrder {
  #state: FairQueueState = EMPTY_FAIR_QUEUE;

  order(
    queued: IngestionRun[],
    weights: Map<string, number>,
    expectedDurationMs: (run: IngestionRun) => number,
  ): IngestionRun[] {
    const byId = new Map(queued.map(run => [run.id, run]));
    const ordered = fairQueueOrder(
      queued.map(run => this.#toQueued(run, expectedDurationMs)),
      this.#weights(weights),
      this.#state,
    );
    return ordered.map(q => byId.get(q.runId)!);
  }

  /** Records that a run was started, advancing its tenant's finish tag. */
  dispatched(
    run: IngestionRun,
    weights: Map<string, number>,
    expectedDurationMs: (run: IngestionRun) => number,
  ): void {
    const weight = this.#weights(weights)[run.tenant];
    this.#state = afterDispatch(
      this.#state,
      this.#toQueued(run, expectedDurationMs),
      weight,
    );
  }

  #toQueued(
    run: IngestionRun,
    expectedDurationMs: (run: IngestionRun) => number,
  ): QueuedRun {
    return {
      runId: run.id,
      tenant: run.tenant,
      enqueuedAtMs: Date.parse(run.queuedAt),
      cores: run.allocatedCores,
      expectedDurationMs: expectedDurationMs(run),
    };
  }

  // A tenant with no purchased hours left still waits in line, at the smallest weight.
  #weights(weights: Map<string, number>): Record<string, number> {
    return Object.fromEntries(
      [...weights].map(([tenant, w]) => [tenant, Math.max(w, 1)]),
    );
  }
}
