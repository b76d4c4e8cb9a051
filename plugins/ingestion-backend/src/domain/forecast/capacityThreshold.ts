/** Forecast demand above this share of a namespace's Spark Units alerts the platform admins. */
export const CAPACITY_ALERT_THRESHOLD = 0.8;

/**
 * An alert that fired re-arms only once the bound falls below this share, so a forecast that wobbles around 80%
 * from one day's refit to the next is not announced again every day.
 */
export const CAPACITY_ALERT_REARM_BELOW = 0.75;

export type CapacityAlertDecision = 'fire' | 'rearm' | 'none';

/**
 * Whether a namespace's forecast crossed the threshold: `fire` once when the peak upper bound over the horizon
 * rises above 80% of its Spark Units, `rearm` when it is back under 75% (after a purchase, or when demand eases),
 * `none` otherwise. `fired` is whether the alert fired since it was last re-armed.
 */
export function decideCapacityAlert(
  peakUpperBound: number,
  sparkUnits: number,
  fired: boolean,
): CapacityAlertDecision {
  const above = peakUpperBound > CAPACITY_ALERT_THRESHOLD * sparkUnits;
  if (above && !fired) return 'fire';
  if (fired && peakUpperBound < CAPACITY_ALERT_REARM_BELOW * sparkUnits)
    return 'rearm';
  return 'none';
}
