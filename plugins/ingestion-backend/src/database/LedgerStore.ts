import {
  LedgerEntry,
  LedgerEntryKind,
  Purchase,
  UnitType,
  ValidityPeriod,
} from '@internal/backstage-plugin-ingestion-common';
import { BalanceAlertId } from '../domain/ledger/balanceAlerts';

/** A ledger entry to append. */
export interface NewLedgerEntry {
  tenant: string;
  kind: LedgerEntryKind;
  unitType: UnitType;
  quantity: number;
  occurredAt: number;
  recordedBy: string;
  validFrom?: number;
  validUntil?: number;
  period?: ValidityPeriod;
  purchaseId?: string;
  runId?: string;
  /** Appending a second entry with the same key is a no-op: this is how a run is debited once. */
  idempotencyKey?: string;
  note?: string;
}

/** A stored entry with the fields the pure rules need. */
export interface StoredLedgerEntry extends LedgerEntry {
  validFrom?: string;
  validUntil?: string;
  period?: ValidityPeriod;
}

/** The append-only capacity ledger and the balance alert states. */
export interface LedgerStore {
  /** Appends an entry; false when an entry with the same idempotency key already exists. */
  append(entry: NewLedgerEntry): Promise<boolean>;
  listEntries(tenant: string): Promise<StoredLedgerEntry[]>;
  listPurchases(options: {
    tenant?: string;
    unitType?: UnitType;
    validAfter?: number;
  }): Promise<Purchase[]>;
  /** The purchase recorded under an idempotency key, if any. */
  findPurchase(idempotencyKey: string): Promise<Purchase | undefined>;
  /** Tenants that ever bought vCPU-hours. */
  listVcpuHourTenants(): Promise<string[]>;
  firedAlerts(tenant: string): Promise<Set<BalanceAlertId>>;
  /** Sets an alert's state; true only for the caller that actually changed it (compare-and-set). */
  setAlertFired(
    tenant: string,
    alertId: BalanceAlertId,
    fired: boolean,
    at: number,
  ): Promise<boolean>;
}
