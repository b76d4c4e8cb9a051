import { Forecaster } from './forecaster';

/** Accuracy of one forecaster over several forecast origins. */
export interface BacktestResult {
  origins: number;
  horizon: number;
  /** Symmetric mean absolute percentage error, 0-200 (percent); terms where both values are 0 count as 0. */
  smape: number;
  /** Mean absolute scaled error: the mean absolute error over the in-sample seasonal-naive error (< 1 beats it). */
  mase: number;
  /** Share of actual values inside the prediction interval (compare with the interval's level). */
  coverage: number;
}

export interface RollingOriginOptions {
  horizon: number;
  /** Values the first origin trains on. */
  initialTraining: number;
  /** Values between consecutive origins. */
  step: number;
  level: number;
  /** Season length used to scale MASE (7 for daily data with weekly seasonality). */
  period: number;
  /** Train on the last `window` values before each origin only (a sliding window); all of them when absent. */
  window?: number;
}

/**
 * Rolling-origin evaluation (Tashman 2000): fit on everything before each origin, forecast `horizon` values,
 * score them against what happened, move the origin forward by `step`, and average over all origins.
 */
export function rollingOriginBacktest(
  series: readonly number[],
  forecaster: Forecaster,
  options: RollingOriginOptions,
): BacktestResult {
  const { horizon, initialTraining, step, level, period, window } = options;
  let smapeSum = 0;
  let maseSum = 0;
  let covered = 0;
  let scored = 0;
  let origins = 0;
  for (
    let origin = initialTraining;
    origin + horizon <= series.length;
    origin += step
  ) {
    const training = series.slice(
      window ? Math.max(0, origin - window) : 0,
      origin,
    );
    const actual = series.slice(origin, origin + horizon);
    const forecast = forecaster(training, horizon, level);
    const scale = seasonalNaiveMae(training, period);
    let absoluteErrorSum = 0;
    for (let h = 0; h < horizon; h++) {
      const error = Math.abs(actual[h] - forecast.point[h]);
      const denominator = Math.abs(actual[h]) + Math.abs(forecast.point[h]);
      smapeSum += denominator === 0 ? 0 : (200 * error) / denominator;
      absoluteErrorSum += error;
      if (actual[h] >= forecast.lower[h] && actual[h] <= forecast.upper[h])
        covered++;
      scored++;
    }
    maseSum += absoluteErrorSum / horizon / scale;
    origins++;
  }
  if (origins === 0) throw new Error('the series is too short for one origin');
  return {
    origins,
    horizon,
    smape: smapeSum / scored,
    mase: maseSum / origins,
    coverage: covered / scored,
  };
}

/** In-sample mean absolute error of the seasonal-naive forecast: MASE's scale (Hyndman & Koehler 2006). */
function seasonalNaiveMae(training: readonly number[], period: number): number {
  let sum = 0;
  for (let t = period; t < training.length; t++) {
    sum += Math.abs(training[t] - training[t - period]);
  }
  const mae = sum / (training.length - period);
  return mae > 0 ? mae : Number.EPSILON;
}
