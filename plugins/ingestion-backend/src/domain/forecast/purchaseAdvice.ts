import { CAPACITY_ALERT_THRESHOLD } from './capacityThreshold';

/** One purchase of the advice: bring the namespace to `totalSparkUnits` before `neededBy`. */
export interface PurchaseStep {
  /** Start of the first forecast day (epoch ms) whose upper bound exceeds 80% of the units held before this step. */
  neededBy: number;
  additionalSparkUnits: number;
  totalSparkUnits: number;
}

export interface PurchaseAdvice {
  /** The fewest Spark Units to add so the upper bound stays at or under 80% on every forecast day (0: none). */
  sparkUnitsToBuy: number;
  /** When the first of them is needed (undefined when none are). */
  neededBy?: number;
  /** The same total, bought no earlier than needed: each step is due the first day the units before it run short. */
  steps: PurchaseStep[];
}

/**
 * The smallest purchase that keeps forecast demand under the alert threshold over the horizon, and when each unit
 * is due. `upper` is the forecast's upper bound per day in Spark Units (the demand the advice protects against);
 * `days` holds each day's start.
 */
export function advisePurchase(
  forecast: { days: readonly number[]; upper: readonly number[] },
  sparkUnits: number,
): PurchaseAdvice {
  const required = (demand: number) =>
    // A tiny tolerance so a demand of exactly 80% of N units is met by N, not N + 1, despite rounding.
    Math.max(0, Math.ceil(demand / CAPACITY_ALERT_THRESHOLD - 1e-9));
  const steps: PurchaseStep[] = [];
  let held = sparkUnits;
  forecast.upper.forEach((demand, i) => {
    const needed = required(demand);
    if (needed > held) {
      steps.push({
        neededBy: forecast.days[i],
        additionalSparkUnits: needed - held,
        totalSparkUnits: needed,
      });
      held = needed;
    }
  });
  const sparkUnitsToBuy = held - sparkUnits;
  return {
    sparkUnitsToBuy,
    ...(steps.length > 0 && { neededBy: steps[0].neededBy }),
    steps,
  };
}
