/**
 * What a tenant can buy.
 * - dedicated-units: Dedicated Ingestion Units, 1:1 Spark Units reserved for the tenant in the dedicated namespace
 * - vcpu-hours: prepaid vCPU-hours consumed by runs in the shared vcore-hours namespace
 *
 * @public
 */
export type UnitType = 'dedicated-units' | 'vcpu-hours';

/** @public */
export type ValidityPeriod = 'daily' | 'monthly' | 'yearly';

/**
 * A purchase request.
 *
 * @public
 */
export interface PurchaseRequest {
  unitType: UnitType;
  quantity: number;
  period: ValidityPeriod;
  /** Start of validity; defaults to now. */
  validFrom?: string;
}

/**
 * A recorded purchase.
 *
 * @public
 */
export interface Purchase {
  id: string;
  tenant: string;
  unitType: UnitType;
  quantity: number;
  period: ValidityPeriod;
  validFrom: string;
  validUntil: string;
  purchasedBy: string;
  purchasedAt: string;
}

/** @public */
export type LedgerEntryKind =
  | 'purchase'
  | 'run-debit'
  | 'expiry'
  | 'adjustment';

/**
 * One append-only ledger entry. Quantities are vCPU-hours (negative for debits and expiries), or
 * Dedicated Ingestion Units for dedicated purchases.
 *
 * @public
 */
export interface LedgerEntry {
  id: number;
  tenant: string;
  kind: LedgerEntryKind;
  unitType: UnitType;
  quantity: number;
  occurredAt: string;
  recordedBy: string;
  purchaseId?: string;
  runId?: string;
  note?: string;
}

/**
 * A tenant's vCPU-hour wallet.
 *
 * @public
 */
export interface VcpuHourBalance {
  tenant: string;
  /** vCPU-hours of purchases valid now. */
  purchasedHours: number;
  remainingHours: number;
  consumedHours: number;
  /** vCPU-hours per hour, averaged over the last 24 hours of debits. */
  consumptionRatePerHour: number;
  /** When the balance reaches zero at the current rate; absent when nothing is being consumed. */
  estimatedDepletionAt?: string;
  /** remainingHours / purchasedHours, 0..1 (0 when nothing was bought). */
  remainingFraction: number;
}

/**
 * A tenant's capacity at a glance.
 *
 * @public
 */
export interface TenantCapacity {
  tenant: string;
  /** Dedicated Ingestion Units valid now. */
  dedicatedUnits: number;
  vcpuHours: VcpuHourBalance;
  purchases: Purchase[];
}

/**
 * One point of a balance chart.
 *
 * @public
 */
export interface BalancePoint {
  at: string;
  remainingHours: number;
  purchasedHours: number;
}
