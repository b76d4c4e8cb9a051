import { Forecaster, normalQuantile } from './forecaster';

/**
 * The baseline every forecast must beat: tomorrow is the same weekday last week. Intervals follow Hyndman &
 * Athanasopoulos (FPP3, 5.5): the residual standard deviation of the one-season-ahead forecasts in the history,
 * widened by the square root of the number of whole seasons ahead.
 */
export function seasonalNaive(period: number): Forecaster {
  return (history, horizon, level) => {
    if (history.length < 2 * period) {
      throw new Error(
        `seasonal naive needs at least ${2 * period} values, got ${
          history.length
        }`,
      );
    }
    const n = history.length;
    let sumSquares = 0;
    for (let t = period; t < n; t++) {
      const residual = history[t] - history[t - period];
      sumSquares += residual * residual;
    }
    const sigma = Math.sqrt(sumSquares / (n - period));
    const z = normalQuantile(0.5 + level / 2);
    const point: number[] = [];
    const lower: number[] = [];
    const upper: number[] = [];
    for (let h = 0; h < horizon; h++) {
      const value = history[n - period + (h % period)];
      const half = z * sigma * Math.sqrt(Math.floor(h / period) + 1);
      point.push(value);
      lower.push(value - half);
      upper.push(value + half);
    }
    return { point, lower, upper, level };
  };
}
