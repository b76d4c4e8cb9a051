import { initSync, MSTL } from '@bsull/augurs/mstl';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Forecaster } from '../../domain/forecast/forecaster';

let initialised = false;

/** Instantiates augurs' MSTL WebAssembly module once, from the file the package ships beside its JavaScript. */
function ensureInitialised() {
  if (initialised) return;
  const packageDir = dirname(require.resolve('@bsull/augurs/mstl'));
  initSync({ module: readFileSync(join(packageDir, 'mstl_bg.wasm')) });
  initialised = true;
}

/**
 * MSTL with an AutoETS trend (augurs, Grafana's Rust time-series library compiled to WebAssembly), fitted to
 * log(1 + demand): STL splits the series into weekly seasonality and the rest; AutoETS picks the
 * exponential-smoothing model of the rest by AICc and forecasts it with its analytic prediction intervals; the last
 * season is added back, and point and bounds are taken back through exp(x) - 1. On the log scale a busier week
 * has proportionally bigger weekday peaks and wider intervals, as demand does; the point forecast is then the
 * median of the forecast distribution. Values must be >= 0.
 */
export function mstlForecaster(period = 7): Forecaster {
  return (history, horizon, level) => {
    if (history.some(v => !(v >= 0))) {
      throw new Error('the MSTL forecaster takes values >= 0 only');
    }
    ensureInitialised();
    const model = MSTL.ets([period], {});
    try {
      model.fit(Float64Array.from(history, v => Math.log1p(v)));
      const forecast = model.predict(horizon, level);
      if (!forecast.intervals) {
        throw new Error('the MSTL model returned no prediction intervals');
      }
      return {
        point: forecast.point.map(Math.expm1),
        lower: forecast.intervals.lower.map(Math.expm1),
        upper: forecast.intervals.upper.map(Math.expm1),
        level,
      };
    } finally {
      model.free();
    }
  };
}
