import { rollingOriginBacktest } from './backtest';
import { Forecaster, normalQuantile } from './forecaster';
import { seasonalNaive } from './seasonalNaive';

const weekly = [10, 12, 11, 13, 12, 4, 3];

describe('seasonalNaive', () => {
  it('repeats the last season, with intervals that widen each season ahead', () => {
    const history = [...weekly, ...weekly.map(v => v + 1), ...weekly];
    const forecast = seasonalNaive(7)(history, 14, 0.9);
    expect(forecast.point).toEqual([...weekly, ...weekly]);
    const halfWidth = (h: number) => forecast.upper[h] - forecast.point[h];
    expect(halfWidth(0)).toBeCloseTo(halfWidth(6), 10);
    expect(halfWidth(7) / halfWidth(0)).toBeCloseTo(Math.SQRT2, 10);
    // Every one-season-ahead residual is +1 or -1: sigma = 1.
    expect(halfWidth(0)).toBeCloseTo(normalQuantile(0.95), 10);
  });

  it('refuses a history shorter than two seasons', () => {
    expect(() => seasonalNaive(7)(weekly, 7, 0.9)).toThrow(/at least 14/);
  });
});

describe('normalQuantile', () => {
  it('matches the standard normal table', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 5);
    expect(normalQuantile(0.005)).toBeCloseTo(-2.575829, 5);
  });
});

describe('rollingOriginBacktest', () => {
  const series = Array.from({ length: 70 }, (_, t) => weekly[t % 7] + t / 7);

  it('scores each origin against what happened next', () => {
    const result = rollingOriginBacktest(series, seasonalNaive(7), {
      horizon: 7,
      initialTraining: 28,
      step: 7,
      level: 0.9,
      period: 7,
    });
    // Origins 28, 35, ..., 63. Seasonal naive is off by exactly the week's trend (1) on every day, and its
    // in-sample error (MASE's scale) is that same 1: MASE is exactly 1. Its residuals are all 1, so its 90%
    // interval is +-1.645 and holds every actual value.
    expect(result.origins).toBe(6);
    expect(result.mase).toBeCloseTo(1, 10);
    expect(result.coverage).toBe(1);
  });

  it('rewards a forecaster that knows the truth with zero error and full coverage', () => {
    const oracle: Forecaster = (history, horizon, level) => {
      const point = series.slice(history.length, history.length + horizon);
      return { point, lower: point, upper: point, level };
    };
    const result = rollingOriginBacktest(series, oracle, {
      horizon: 7,
      initialTraining: 28,
      step: 7,
      level: 0.9,
      period: 7,
    });
    expect(result).toEqual({
      origins: 6,
      horizon: 7,
      smape: 0,
      mase: 0,
      coverage: 1,
    });
  });

  it('trains on a sliding window when asked', () => {
    const lengths: number[] = [];
    const spy: Forecaster = (history, horizon, level) => {
      lengths.push(history.length);
      return seasonalNaive(7)(history, horizon, level);
    };
    rollingOriginBacktest(series, spy, {
      horizon: 7,
      initialTraining: 28,
      step: 14,
      level: 0.9,
      period: 7,
      window: 21,
    });
    expect(lengths).toEqual([21, 21, 21]);
  });
});
