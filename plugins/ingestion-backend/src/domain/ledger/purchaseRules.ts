import { InputError } from '@backstage/errors';
import {
  PurchaseRequest,
  UnitType,
  ValidityPeriod,
} from '@internal/backstage-plugin-ingestion-common';
import { DateTime } from 'luxon';
import { HOUR_MS } from './ledgerFacts';

const UNIT_TYPES: UnitType[] = ['dedicated-units', 'vcpu-hours'];
const PERIODS: ValidityPeriod[] = ['daily', 'monthly', 'yearly'];

/** Upper bounds that catch typing mistakes (an extra zero), not business limits. */
const MAX_QUANTITY: Record<UnitType, number> = {
  'dedicated-units': 10_000,
  'vcpu-hours': 10_000_000,
};

/**
 * How far ahead a purchase may start. Beyond it a date is a typing mistake (year 9999), and an unbounded one
 * would reach dates that no ISO 8601 response can carry.
 */
export const MAX_VALID_FROM_AHEAD_DAYS = 366;

/** A purchase request checked and resolved to a concrete validity window. */
export interface ValidatedPurchase {
  unitType: UnitType;
  quantity: number;
  period: ValidityPeriod;
  validFrom: number;
  validUntil: number;
}

/**
 * Checks a purchase request field by field and resolves its validity window: a day, a calendar month or a
 * calendar year from its start (UTC). Dedicated units are whole; vCPU-hours may be fractional.
 */
export function validatePurchase(
  request: PurchaseRequest,
  now: number,
): ValidatedPurchase {
  if (!UNIT_TYPES.includes(request.unitType)) {
    throw new InputError(`unitType must be one of ${UNIT_TYPES.join(', ')}`);
  }
  if (!PERIODS.includes(request.period)) {
    throw new InputError(`period must be one of ${PERIODS.join(', ')}`);
  }
  const { quantity, unitType } = request;
  if (
    typeof quantity !== 'number' ||
    !Number.isFinite(quantity) ||
    quantity <= 0
  ) {
    throw new InputError('quantity must be a number greater than 0');
  }
  if (unitType === 'dedicated-units' && !Number.isInteger(quantity)) {
    throw new InputError('quantity of dedicated-units must be a whole number');
  }
  if (quantity > MAX_QUANTITY[unitType]) {
    throw new InputError(
      `quantity of ${unitType} must be at most ${MAX_QUANTITY[unitType]}`,
    );
  }
  let validFrom = now;
  if (request.validFrom !== undefined) {
    validFrom = Date.parse(request.validFrom);
    if (Number.isNaN(validFrom)) {
      throw new InputError('validFrom must be an ISO 8601 date-time');
    }
    if (validFrom < now - 60_000) {
      throw new InputError('validFrom must not be in the past');
    }
    if (validFrom > now + MAX_VALID_FROM_AHEAD_DAYS * 24 * HOUR_MS) {
      throw new InputError(
        `validFrom must be at most ${MAX_VALID_FROM_AHEAD_DAYS} days ahead`,
      );
    }
  }
  return {
    unitType,
    quantity,
    period: request.period,
    validFrom,
    validUntil: validityEnd(validFrom, request.period),
  };
}

const VALIDITY: Record<
  ValidityPeriod,
  { days?: number; months?: number; years?: number }
> = {
  daily: { days: 1 },
  monthly: { months: 1 },
  yearly: { years: 1 },
};

export function validityEnd(validFrom: number, period: ValidityPeriod): number {
  return DateTime.fromMillis(validFrom, { zone: 'utc' })
    .plus(VALIDITY[period])
    .toMillis();
}

/** A purchase occupying capacity over its validity window. */
export interface CapacityClaim {
  quantity: number;
  validFrom: number;
  validUntil: number;
}

/**
 * The largest sum of `weight(claim)` over claims valid at the same instant within [from, until).
 * Claims are step functions, so the maximum is at one of their start times (or at `from`).
 */
export function peakConcurrent(
  claims: CapacityClaim[],
  from: number,
  until: number,
  weight: (claim: CapacityClaim) => number = c => c.quantity,
): number {
  const overlapping = claims.filter(
    c => c.validFrom < until && c.validUntil > from,
  );
  const instants = [
    from,
    ...overlapping.map(c => c.validFrom).filter(t => t > from && t < until),
  ];
  let peak = 0;
  for (const t of instants) {
    const sum = overlapping
      .filter(c => c.validFrom <= t && t < c.validUntil)
      .reduce((n, c) => n + weight(c), 0);
    peak = Math.max(peak, sum);
  }
  return peak;
}

/** Outcome of a capacity check, with the numbers a refusal should show. */
export type CapacityCheck = { ok: true } | { ok: false; reason: string };

/**
 * Dedicated Ingestion Units are Spark Units of the dedicated namespace reserved for one tenant: at no instant may
 * the units sold exceed the namespace's Spark Units.
 */
export function checkDedicatedUnits(
  sold: CapacityClaim[],
  wanted: CapacityClaim,
  dedicatedSparkUnits: number,
): CapacityCheck {
  const peak = peakConcurrent(sold, wanted.validFrom, wanted.validUntil);
  const free = dedicatedSparkUnits - peak;
  if (wanted.quantity <= free) return { ok: true };
  return {
    ok: false,
    reason:
      `Only ${Math.max(
        free,
        0,
      )} Dedicated Ingestion Units are free for this period ` +
      `(${peak} of ${dedicatedSparkUnits} Spark Units in the dedicated namespace are already sold); ` +
      `buy fewer units, another period, or vCPU-hours`,
  };
}

/** The cores a vCPU-hour purchase needs on average: its hours spread evenly over its validity. */
export function averageCores(claim: CapacityClaim): number {
  return claim.quantity / ((claim.validUntil - claim.validFrom) / HOUR_MS);
}

/**
 * vCPU-hours are sold against the vcore-hours namespace's cores: spread evenly over its validity, a purchase needs
 * `quantity / hours` cores on average. At no instant may the sum of those averages exceed the namespace's cores
 * times the allowed oversubscription (1 = none).
 */
export function checkVcpuHours(
  sold: CapacityClaim[],
  wanted: CapacityClaim,
  namespaceCores: number,
  oversubscription = 1,
): CapacityCheck {
  const peak = peakConcurrent(
    sold,
    wanted.validFrom,
    wanted.validUntil,
    averageCores,
  );
  const limit = namespaceCores * oversubscription;
  const wantedCores = averageCores(wanted);
  if (peak + wantedCores <= limit + 1e-9) return { ok: true };
  const hours = (wanted.validUntil - wanted.validFrom) / HOUR_MS;
  const affordable = Math.max(0, Math.floor((limit - peak) * hours + 1e-6));
  return {
    ok: false,
    reason:
      `The vcore-hours namespace can deliver at most ${affordable} more vCPU-hours in this period ` +
      `(${limit} cores; ${peak.toFixed(2)} cores on average already sold)`,
  };
}
