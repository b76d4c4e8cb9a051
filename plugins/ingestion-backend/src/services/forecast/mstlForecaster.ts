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
 * MSTL with an AutoETS trend (augurs, Grafana's Rust time-series library compiled to WebAssembly): the series is
 * split by STL into weekly seasonality and the rest; AutoETS picks the exponential-smoothing model of the rest by
 * AICc and forecasts it with its analytic prediction intervals; the last season is added back to point and bounds.
 */
export function mstlForecaster(period = 7): Forecaster {
  return (history, horizon, level) => {
    ensureInitialised();
    const model = MSTL.ets([period], {});
    try {
      model.fit(Float64Array.from(history));
      const forecast = model.predict(horizon, level);
      if (!forecast.intervals) {
        throw new Error('the MSTL model returned no prediction intervals');
      }
      return {
        point: forecast.point,
        lower: forecast.intervals.lower,
        upper: forecast.intervals.upper,
        level,
      };
    } finally {
      model.free();
    }
  };
}
