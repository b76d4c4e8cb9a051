import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDateTime, formatDuration, formatNumber } from '../../lib/format';
import { RunChartPoint } from '../../lib/runChartPoints';
import { ChartEmptyState } from '../ChartEmptyState';
import { valueAxisLabel } from '../../lib/chartAxis';

const MET_COLOUR = 'var(--bui-accent-bg, #1f5493)';
const MISSED_COLOUR = 'var(--bui-negative-bg, #dc2626)';
const SLA_COLOUR = 'var(--bui-negative-fg-subdued, #991919)';
const EXPECTED_COLOUR = 'var(--bui-fg-secondary, #696969)';

const dayTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * Each finished run's duration, oldest to newest, against the SLA line and the expected duration: bars within the
 * SLA in the accent colour, those over it (and failed runs) in red.
 */
export const RunDurationChart = (props: {
  points: RunChartPoint[];
  slaMinutes: number;
  expectedMinutes: number;
  height?: number;
}) => {
  const { points, slaMinutes, expectedMinutes, height = 260 } = props;
  if (points.length === 0) {
    return (
      <ChartEmptyState
        height={height}
        message="No finished runs yet: each run's duration appears here against the SLA."
      />
    );
  }
  const missed = points.filter(p => p.sla === 'missed').length;
  const top = Math.max(slaMinutes, ...points.map(p => p.durationMinutes));
  return (
    <div
      role="figure"
      aria-label={`Duration of the last ${
        points.length
      } runs against an SLA of ${formatNumber(
        slaMinutes,
        0,
      )} minutes: ${missed} missed it`}
      data-testid="run-duration-chart"
      style={{ width: '100%', height }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          data={points}
          margin={{ top: 16, right: 16, bottom: 0, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="at"
            tickFormatter={(at: number) => dayTime.format(at)}
            tick={{ fontSize: 11 }}
            minTickGap={24}
          />
          <YAxis
            domain={[0, Math.ceil(top * 1.15)]}
            tickFormatter={(v: number) => formatNumber(v, 0)}
            tick={{ fontSize: 12 }}
            width={56}
            label={valueAxisLabel('minutes')}
          />
          <Tooltip
            labelFormatter={(at: number) => formatDateTime(at)}
            formatter={(value: number) => [
              formatDuration(value * 60_000),
              'Duration',
            ]}
          />
          <ReferenceLine
            y={expectedMinutes}
            stroke={EXPECTED_COLOUR}
            strokeDasharray="2 4"
            label={{
              value: `Expected ${formatNumber(expectedMinutes, 0)} min`,
              position: 'insideBottomLeft',
              fontSize: 11,
              fill: EXPECTED_COLOUR,
            }}
          />
          <ReferenceLine
            y={slaMinutes}
            stroke={SLA_COLOUR}
            strokeDasharray="6 4"
            strokeWidth={1.5}
            label={{
              value: `SLA ${formatNumber(slaMinutes, 0)} min`,
              position: 'insideTopRight',
              fontSize: 12,
              fill: SLA_COLOUR,
            }}
          />
          <Bar
            dataKey="durationMinutes"
            name="Duration"
            maxBarSize={28}
            radius={[3, 3, 0, 0]}
            isAnimationActive={false}
          >
            {points.map(point => (
              <Cell
                key={point.runId}
                fill={point.sla === 'missed' ? MISSED_COLOUR : MET_COLOUR}
              />
            ))}
          </Bar>
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
};
