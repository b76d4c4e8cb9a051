import {
  LedgerEntryKind,
  UnitType,
} from '@internal/backstage-plugin-ingestion-common';

/** A ledger entry as the pure rules see it: times as epoch milliseconds. */
export interface LedgerFact {
  kind: LedgerEntryKind;
  unitType: UnitType;
  /** vCPU-hours (negative for debits), or Dedicated Ingestion Units for dedicated purchases. */
  quantity: number;
  occurredAt: number;
  /** Purchases only: the validity window [validFrom, validUntil). */
  validFrom?: number;
  validUntil?: number;
}

export const HOUR_MS = 3_600_000;

export function isValidAt(fact: LedgerFact, at: number): boolean {
  return (
    (fact.validFrom ?? -Infinity) <= at && at < (fact.validUntil ?? Infinity)
  );
}
