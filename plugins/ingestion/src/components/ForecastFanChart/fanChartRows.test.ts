import { NamespaceForecast } from '@internal/backstage-plugin-ingestion-common';
import { fanChartRows } from './fanChartRows';

const ns: NamespaceForecast = {
  tier: 'vcore-hours',
  namespace: 'ingestion-vcore-hours',
  sparkUnits: 8,
  rolling30DayUtilisation: 0.5,
  history: [
    { day: '2026-12-01', sparkUnits: 3 },
    { day: '2026-12-02', sparkUnits: 4 },
  ],
  forecast: [{ day: '2026-12-03', point: 4.5, lower: 3.5, upper: 5.5 }],
  horizons: [],
  alertFired: false,
};

describe('fanChartRows', () => {
  it('joins the forecast band to the last day of history', () => {
    expect(fanChartRows(ns)).toEqual([
      { at: Date.UTC(2026, 11, 1), actual: 3 },
      { at: Date.UTC(2026, 11, 2), actual: 4, point: 4, band: [4, 4] },
      { at: Date.UTC(2026, 11, 3), point: 4.5, band: [3.5, 5.5] },
    ]);
  });

  it('is only history when there is no forecast', () => {
    expect(fanChartRows({ ...ns, forecast: undefined })).toEqual([
      { at: Date.UTC(2026, 11, 1), actual: 3 },
      { at: Date.UTC(2026, 11, 2), actual: 4 },
    ]);
  });
});
