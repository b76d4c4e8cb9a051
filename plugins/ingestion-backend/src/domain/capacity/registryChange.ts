import {
  NamespaceTier,
  SparkUnitSize,
} from '@internal/backstage-plugin-ingestion-common';
import {
  averageCores,
  CapacityCheck,
  CapacityClaim,
  peakConcurrent,
} from '../ledger/purchaseRules';

/**
 * Whether a namespace may hold `sparkUnits` from `now` on without breaking what is already sold: the dedicated
 * namespace keeps a Spark Unit for every Dedicated Ingestion Unit valid at any instant, and the vcore-hours
 * namespace keeps the cores the vCPU-hours sold need on average (times the allowed oversubscription), as a
 * purchase is checked. The draft namespace sells nothing.
 */
export function checkRegistryChange(input: {
  tier: NamespaceTier;
  sparkUnits: number;
  sparkUnitSize: SparkUnitSize;
  dedicatedSold: CapacityClaim[];
  vcpuHoursSold: CapacityClaim[];
  vcpuHourOversubscription: number;
  now: number;
}): CapacityCheck {
  const { tier, sparkUnits, now } = input;
  if (tier === 'dedicated') {
    const peak = peakConcurrent(input.dedicatedSold, now, Infinity);
    if (sparkUnits >= peak) return { ok: true };
    return {
      ok: false,
      reason: `Cannot reduce the dedicated namespace to ${sparkUnits} Spark Units: ${peak} Dedicated Ingestion Units are sold and still valid`,
    };
  }
  if (tier === 'vcore-hours') {
    const neededCores = peakConcurrent(
      input.vcpuHoursSold,
      now,
      Infinity,
      averageCores,
    );
    const perUnit = input.sparkUnitSize.cores * input.vcpuHourOversubscription;
    if (sparkUnits * perUnit + 1e-9 >= neededCores) return { ok: true };
    const fewest = Math.ceil(neededCores / perUnit - 1e-9);
    return {
      ok: false,
      reason:
        `Cannot reduce the vcore-hours namespace to ${sparkUnits} Spark Units: the vCPU-hours sold and still valid ` +
        `need ${neededCores.toFixed(
          2,
        )} cores on average at their peak, so it needs at least ${fewest} Spark Units`,
    };
  }
  return { ok: true };
}
