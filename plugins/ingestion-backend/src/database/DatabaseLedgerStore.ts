import {
  Purchase,
  UnitType,
} from '@internal/backstage-plugin-ingestion-common';
import { Knex } from 'knex';
import { BalanceAlertId } from '../domain/ledger/balanceAlerts';
import { LedgerStore, NewLedgerEntry, StoredLedgerEntry } from './LedgerStore';
import { toIsoString } from './timestamps';

interface EntryRow {
  id: number | string;
  tenant: string;
  kind: StoredLedgerEntry['kind'];
  unit_type: UnitType;
  quantity: number | string;
  occurred_at: Date | string | number;
  valid_from: Date | string | number | null;
  valid_until: Date | string | number | null;
  period: StoredLedgerEntry['period'] | null;
  purchase_id: string | null;
  run_id: string | null;
  recorded_by: string;
  note: string | null;
}

const optionalDate = (ms?: number) => (ms === undefined ? null : new Date(ms));

function toEntry(row: EntryRow): StoredLedgerEntry {
  return {
    id: Number(row.id),
    tenant: row.tenant,
    kind: row.kind,
    unitType: row.unit_type,
    quantity: Number(row.quantity),
    occurredAt: toIsoString(row.occurred_at),
    recordedBy: row.recorded_by,
    ...(row.valid_from !== null && { validFrom: toIsoString(row.valid_from) }),
    ...(row.valid_until !== null && {
      validUntil: toIsoString(row.valid_until),
    }),
    ...(row.period && { period: row.period }),
    ...(row.purchase_id && { purchaseId: row.purchase_id }),
    ...(row.run_id && { runId: row.run_id }),
    ...(row.note && { note: row.note }),
  };
}

function toPurchase(row: EntryRow): Purchase {
  return {
    id: row.purchase_id!,
    tenant: row.tenant,
    unitType: row.unit_type,
    quantity: Number(row.quantity),
    period: row.period!,
    validFrom: toIsoString(row.valid_from!),
    validUntil: toIsoString(row.valid_until!),
    purchasedBy: row.recorded_by,
    purchasedAt: toIsoString(row.occurred_at),
  };
}

export class DatabaseLedgerStore implements LedgerStore {
  constructor(private readonly db: Knex) {}

  async append(entry: NewLedgerEntry): Promise<boolean> {
    const inserted = await this.db('ledger_entries')
      .insert({
        tenant: entry.tenant,
        kind: entry.kind,
        unit_type: entry.unitType,
        quantity: entry.quantity,
        occurred_at: new Date(entry.occurredAt),
        valid_from: optionalDate(entry.validFrom),
        valid_until: optionalDate(entry.validUntil),
        period: entry.period ?? null,
        purchase_id: entry.purchaseId ?? null,
        run_id: entry.runId ?? null,
        idempotency_key: entry.idempotencyKey ?? null,
        recorded_by: entry.recordedBy,
        note: entry.note ?? null,
      })
      .onConflict('idempotency_key')
      .ignore()
      .returning('id');
    return inserted.length > 0;
  }

  async findPurchase(idempotencyKey: string): Promise<Purchase | undefined> {
    const row = await this.db<EntryRow>('ledger_entries')
      .where('idempotency_key', idempotencyKey)
      .andWhere('kind', 'purchase')
      .first();
    return row ? toPurchase(row) : undefined;
  }

  async listEntries(tenant: string): Promise<StoredLedgerEntry[]> {
    const rows = await this.db<EntryRow>('ledger_entries')
      .where({ tenant })
      .orderBy('id');
    return rows.map(toEntry);
  }

  async listPurchases(options: {
    tenant?: string;
    unitType?: UnitType;
    validAfter?: number;
  }): Promise<Purchase[]> {
    const query = this.db<EntryRow>('ledger_entries').where({
      kind: 'purchase',
    });
    if (options.tenant) query.andWhere({ tenant: options.tenant });
    if (options.unitType) query.andWhere({ unit_type: options.unitType });
    if (options.validAfter !== undefined)
      query.andWhere('valid_until', '>', new Date(options.validAfter));
    const rows = await query.orderBy('id');
    return rows.map(toPurchase);
  }

  async listVcpuHourTenants(): Promise<string[]> {
    const rows = await this.db('ledger_entries')
      .distinct('tenant')
      .where({ kind: 'purchase', unit_type: 'vcpu-hours' })
      .orderBy('tenant');
    return rows.map(r => r.tenant);
  }

  async firedAlerts(tenant: string): Promise<Set<BalanceAlertId>> {
    const rows = await this.db('balance_alert_states').where({
      tenant,
      fired: true,
    });
    return new Set(rows.map(r => r.alert_id));
  }

  async setAlertFired(
    tenant: string,
    alertId: BalanceAlertId,
    fired: boolean,
    at: number,
  ): Promise<boolean> {
    // Insert the row armed if it is new, then flip it only from the opposite state: of several concurrent
    // evaluations, exactly one sees an updated row and sends the notification.
    await this.db('balance_alert_states')
      .insert({
        tenant,
        alert_id: alertId,
        fired: false,
        changed_at: new Date(at),
      })
      .onConflict(['tenant', 'alert_id'])
      .ignore();
    const updated = await this.db('balance_alert_states')
      .where({ tenant, alert_id: alertId, fired: !fired })
      .update({ fired, changed_at: new Date(at) });
    return updated > 0;
  }
}
