import {
  LendingEvent,
  LendingEventKind,
} from '@internal/backstage-plugin-ingestion-common';
import { Knex } from 'knex';
import { LendingAuditStore, LentHolding } from './LendingAuditStore';
import { toIsoString } from './timestamps';

type Timestamp = Date | string | number;

interface EventRow {
  kind: LendingEventKind;
  run_id: string;
  tenant: string;
  cores: number | string;
  memory_mib: number | string;
  occurred_at: Timestamp;
  ended_at: Timestamp | null;
  core_hours: number | string | null;
  reclaimed_for: string | null;
  requeued_as: string | null;
  requested_at: Timestamp | null;
  victims: number | string | null;
  running_at: Timestamp | null;
}

const EVENTS = 'capacity_lending_events';
const WINDOW = 'capacity_lending_window';
const DEDICATED = 'dedicated';

const iso = (value: Timestamp | null) =>
  value === null || value === undefined ? undefined : toIsoString(value);

function toEvent(row: EventRow): LendingEvent {
  const requestedAt = iso(row.requested_at);
  const runningAt = iso(row.running_at);
  return {
    kind: row.kind,
    runId: row.run_id,
    tenant: row.tenant,
    cores: Number(row.cores),
    memoryMiB: Number(row.memory_mib),
    occurredAt: toIsoString(row.occurred_at),
    ...(iso(row.ended_at) && { endedAt: iso(row.ended_at) }),
    ...(row.core_hours !== null && { coreHours: Number(row.core_hours) }),
    ...(row.reclaimed_for && { reclaimedFor: row.reclaimed_for }),
    ...(row.requeued_as && { requeuedAs: row.requeued_as }),
    ...(requestedAt && { requestedAt }),
    ...(row.victims !== null && { victims: Number(row.victims) }),
    ...(runningAt && { runningAt }),
    ...(requestedAt &&
      runningAt && {
        reclaimMs: Date.parse(runningAt) - Date.parse(requestedAt),
      }),
  };
}

/** The lending audit on the portal's database; every write is idempotent per (kind, run). */
export class DatabaseLendingAuditStore implements LendingAuditStore {
  constructor(private readonly db: Knex) {}

  async #insert(kind: LendingEventKind, holding: LentHolding, extra = {}) {
    await this.db(EVENTS)
      .insert({
        kind,
        run_id: holding.runId,
        tenant: holding.tenant,
        cores: holding.cores,
        memory_mib: holding.memoryMiB,
        occurred_at: new Date(holding.at),
        ...extra,
      })
      .onConflict(['kind', 'run_id'])
      .ignore();
  }

  recordLoan(loan: LentHolding): Promise<void> {
    return this.#insert('loan', loan);
  }

  async recordLoanEnded(
    runId: string,
    endedAt: number,
    coreHours: number,
  ): Promise<void> {
    await this.db(EVENTS)
      .where({ kind: 'loan', run_id: runId })
      .whereNull('ended_at')
      .update({ ended_at: new Date(endedAt), core_hours: coreHours });
  }

  recordPreemption(
    preemption: LentHolding & { reclaimedFor: string; requeuedAs: string },
  ): Promise<void> {
    return this.#insert('preemption', preemption, {
      reclaimed_for: preemption.reclaimedFor,
      requeued_as: preemption.requeuedAs,
    });
  }

  recordReclaim(
    reclaim: LentHolding & { requestedAt: number; victims: number },
  ): Promise<void> {
    return this.#insert('reclaim', reclaim, {
      requested_at: new Date(reclaim.requestedAt),
      victims: reclaim.victims,
    });
  }

  async recordReclaimRunning(runId: string, at: number): Promise<void> {
    await this.db(EVENTS)
      .where({ kind: 'reclaim', run_id: runId })
      .whereNull('running_at')
      .update({ running_at: new Date(at) });
  }

  async list(query: {
    from: number;
    to: number;
    limit: number;
  }): Promise<LendingEvent[]> {
    const rows: EventRow[] = await this.db(EVENTS)
      .where('occurred_at', '>=', new Date(query.from))
      .andWhere('occurred_at', '<', new Date(query.to))
      .orderBy([
        { column: 'occurred_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(query.limit);
    return rows.map(toEvent);
  }

  async idleSince(): Promise<number | null> {
    const row = await this.db(WINDOW).where({ tier: DEDICATED }).first();
    return row?.idle_since ? Date.parse(toIsoString(row.idle_since)) : null;
  }

  async setIdleSince(idleSince: number | null): Promise<void> {
    await this.db(WINDOW)
      .insert({
        tier: DEDICATED,
        idle_since: idleSince === null ? null : new Date(idleSince),
      })
      .onConflict('tier')
      .merge();
  }
}
