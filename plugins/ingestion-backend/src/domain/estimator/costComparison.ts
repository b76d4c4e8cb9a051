import { CostComparison } from '@internal/backstage-plugin-ingestion-common';

/** What capacity costs, from config (`ingestion.estimator.prices`). */
export interface CapacityPrices {
  currency: string;
  /** One Dedicated Ingestion Unit for a month. */
  dedicatedUnitPerMonth: number;
  /** One vCPU for one hour. */
  vcpuHour: number;
}

/** One run a day, when the job's schedule is not known. */
export const ASSUMED_RUNS_PER_MONTH = 30;

/**
 * A month of the job under each purchase model: dedicated units are paid whether they run or not; vCPU-hours are
 * paid for each run's allocated cores times its duration (what the ledger debits).
 */
export function compareCosts(options: {
  units: number;
  runCores: number;
  runHours: number;
  runsPerMonth: number | undefined;
  prices: CapacityPrices;
}): CostComparison {
  const { units, runCores, runHours, prices } = options;
  const runsPerMonth = options.runsPerMonth ?? ASSUMED_RUNS_PER_MONTH;
  const dedicatedAmount = round2(units * prices.dedicatedUnitPerMonth);
  const vcpuHours = runsPerMonth * runCores * runHours;
  const vcpuAmount = round2(vcpuHours * prices.vcpuHour);
  const cheaper = dedicatedAmount < vcpuAmount ? 'dedicated' : 'vcpu-hours';
  return {
    currency: prices.currency,
    runsPerMonth,
    runsPerMonthAssumed: options.runsPerMonth === undefined,
    dedicated: {
      units,
      pricePerUnitMonth: prices.dedicatedUnitPerMonth,
      amount: dedicatedAmount,
    },
    vcpuHours: {
      vcpuHours: Math.round(vcpuHours * 100) / 100,
      pricePerVcpuHour: prices.vcpuHour,
      amount: vcpuAmount,
    },
    cheaper,
    savings: round2(Math.abs(dedicatedAmount - vcpuAmount)),
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
