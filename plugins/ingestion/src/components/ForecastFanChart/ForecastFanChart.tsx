import { NamespaceForecast } from '@internal/backstage-plugin-ingestion-common';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatNumber, formatUtcDay } from '../../lib/format';
import { fanChartRows } from './fanChartRows';
import { valueAxisLabel } from '../../lib/chartAxis';

const ACTUAL_COLOUR = 'var(--bui-fg-primary, #333)';
const FORECAST_COLOUR = 'var(--bui-accent-bg, #1f5493)';
const THRESHOLD_COLOUR = '#c62828';
const CAPACITY_COLOUR = 'var(--bui-fg-secondary, #696969)';

const dayMonth = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/**
 * A namespace's daily demand in Spark Units: what happened (solid), the forecast (dashed) inside its prediction
 * interval (the shaded fan), the 80% alert line and the Spark Units it holds.
 */
export const ForecastFanChart = (props: {
  namespace: NamespaceForecast;
  threshold: number;
  level: number;
  height?: number;
}) => {
  const { namespace: ns, threshold, level, height = 300 } = props;
  const rows = fanChartRows(ns);
  const limit = threshold * ns.sparkUnits;
  const peak = Math.max(
    ns.sparkUnits,
    ...rows.map(r => Math.max(r.actual ?? 0, r.band?.[1] ?? 0)),
  );
  return (
    <div
      role="figure"
      aria-label={`Demand of ${ns.namespace} in Spark Units: ${
        ns.history.length
      } days of history and ${ns.forecast?.length ?? 0} days of forecast`}
      data-testid={`forecast-fan-chart-${ns.tier}`}
      style={{ width: '100%', height }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          data={rows}
          margin={{ top: 8, right: 24, bottom: 0, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(at: number) => dayMonth.format(at)}
            tick={{ fontSize: 12 }}
          />
          <YAxis
            domain={[0, Math.ceil(peak * 1.1)]}
            tickFormatter={(v: number) => formatNumber(v, 1)}
            tick={{ fontSize: 12 }}
            width={64}
            label={valueAxisLabel('Spark Units')}
          />
          <Tooltip
            labelFormatter={(at: number) => formatUtcDay(at)}
            formatter={(value: number | [number, number], name: string) => [
              Array.isArray(value)
                ? `${formatNumber(value[0], 2)} – ${formatNumber(value[1], 2)}`
                : formatNumber(value, 2),
              name,
            ]}
          />
          <Legend verticalAlign="top" align="right" height={32} />
          <Area
            dataKey="band"
            name={`${Math.round(level * 100)}% interval`}
            stroke="none"
            fill={FORECAST_COLOUR}
            fillOpacity={0.2}
            isAnimationActive={false}
          />
          <Line
            dataKey="actual"
            name="Demand"
            stroke={ACTUAL_COLOUR}
            strokeWidth={1.5}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="point"
            name="Forecast"
            stroke={FORECAST_COLOUR}
            strokeDasharray="6 3"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <ReferenceLine
            y={limit}
            stroke={THRESHOLD_COLOUR}
            strokeDasharray="4 4"
            label={{
              value: `${Math.round(threshold * 100)}% of ${
                ns.sparkUnits
              } units`,
              position: 'insideTopLeft',
              fontSize: 12,
              fill: THRESHOLD_COLOUR,
            }}
          />
          <ReferenceLine
            y={ns.sparkUnits}
            stroke={CAPACITY_COLOUR}
            label={{
              value: 'Capacity',
              position: 'insideTopLeft',
              fontSize: 12,
              fill: CAPACITY_COLOUR,
            }}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
};
