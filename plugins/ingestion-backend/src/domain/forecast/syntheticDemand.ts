/** The shape of a generated demand series: a trend, a weekly pattern and noise, reproducible from its seed. */
export interface SyntheticDemandShape {
  days: number;
  /** Demand on day 0 before the weekly pattern, and its growth per day. */
  base: number;
  trendPerDay: number;
  /** Multipliers for the seven days of the week, starting with day 0's weekday. */
  weekly: readonly number[];
  /** Standard deviation of the Gaussian noise added each day, as a share of that day's demand. */
  noise: number;
  seed: number;
}

/**
 * A demand series with known trend and weekly seasonality: the backtests' ground truth, and the demo history of
 * the quick start. Never below zero.
 */
export function syntheticDemand(shape: SyntheticDemandShape): number[] {
  const random = mulberry32(shape.seed);
  const gaussian = () => {
    // Box-Muller: two uniforms to one standard normal.
    const u = 1 - random();
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return Array.from({ length: shape.days }, (_, t) => {
    const expected =
      (shape.base + shape.trendPerDay * t) *
      shape.weekly[t % shape.weekly.length];
    return Math.max(0, expected * (1 + shape.noise * gaussian()));
  });
}

/** A small seeded PRNG (Tommy Ettinger's Mulberry32), so a series is the same on every machine. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
