import { NamespaceForecast } from '@internal/backstage-plugin-ingestion-common';

/** One day of the fan chart: the demand that happened, or the forecast with its interval as a [lower, upper] band. */
export interface FanChartRow {
  at: number;
  actual?: number;
  point?: number;
  band?: [number, number];
}

/**
 * The rows of a namespace's fan chart: history, then forecast. The forecast line starts at the last day of history
 * so the two join instead of leaving a gap.
 */
export function fanChartRows(ns: NamespaceForecast): FanChartRow[] {
  const rows: FanChartRow[] = ns.history.map(p => ({
    at: Date.parse(p.day),
    actual: p.sparkUnits,
  }));
  const last = rows[rows.length - 1];
  if (last && ns.forecast?.length) {
    last.point = last.actual;
    last.band = [last.actual!, last.actual!];
  }
  for (const p of ns.forecast ?? []) {
    rows.push({
      at: Date.parse(p.day),
      point: p.point,
      band: [p.lower, p.upper],
    });
  }
  return rows;
}
