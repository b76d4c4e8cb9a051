import { SizeOption } from '@internal/backstage-plugin-ingestion-common';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatNumber } from '../../lib/format';

const BAND_COLOUR = 'var(--bui-accent-bg, #1f5493)';
const DEADLINE_COLOUR = 'var(--bui-negative-fg-subdued, #991919)';
const RECOMMENDED_COLOUR = 'var(--bui-positive-fg, #15803d)';

/**
 * Expected duration at each size, with its interval as a shaded band, against the desired completion time; the
 * recommended size is marked. Sizes past the first that meets the deadline by far are cut off to keep the scale.
 */
export const EstimateIntervalChart = (props: {
  options: SizeOption[];
  desiredMinutes: number;
  recommendedUnits: number;
  height?: number;
}) => {
  const { options, desiredMinutes, recommendedUnits, height = 280 } = props;
  const shown = options.filter(
    o => o.ingestionUnits <= Math.max(4, recommendedUnits * 2),
  );
  const data = shown.map(o => ({
    units: o.ingestionUnits,
    expected: o.duration.expectedMinutes,
    band: [o.duration.lowMinutes, o.duration.highMinutes],
  }));
  const confidence = Math.round((options[0]?.duration.confidence ?? 0.9) * 100);
  const top = Math.max(
    desiredMinutes,
    ...shown.map(o => Math.min(o.duration.highMinutes, desiredMinutes * 4)),
  );
  return (
    <div
      role="figure"
      aria-label={`Expected duration with its ${confidence} % interval for 1 to ${
        shown.length
      } Ingestion Units, against ${formatNumber(
        desiredMinutes,
        0,
      )} minutes desired`}
      data-testid="estimate-interval-chart"
      style={{ width: '100%', height }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          data={data}
          margin={{ top: 16, right: 16, bottom: 16, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="units"
            tick={{ fontSize: 12 }}
            label={{
              value: 'Ingestion Units',
              position: 'insideBottom',
              offset: -8,
              style: { fontSize: 12 },
            }}
          />
          <YAxis
            domain={[0, Math.ceil(top * 1.1)]}
            allowDataOverflow
            tickFormatter={(v: number) => formatNumber(v, 0)}
            tick={{ fontSize: 12 }}
            width={56}
            label={{
              value: 'minutes',
              angle: -90,
              position: 'insideLeft',
              style: { fontSize: 12, textAnchor: 'middle' },
            }}
          />
          <Tooltip
            labelFormatter={(units: number) => `${units} Ingestion Units`}
            formatter={(value: number | number[], name: string) =>
              Array.isArray(value)
                ? [
                    `${formatNumber(value[0])}–${formatNumber(value[1])} min`,
                    `${confidence} % interval`,
                  ]
                : [`${formatNumber(value)} min`, name]
            }
          />
          <Area
            dataKey="band"
            name={`${confidence} % interval`}
            stroke="none"
            fill={BAND_COLOUR}
            fillOpacity={0.2}
            isAnimationActive={false}
          />
          <Line
            dataKey="expected"
            name="Expected"
            stroke={BAND_COLOUR}
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
          <ReferenceLine
            y={desiredMinutes}
            stroke={DEADLINE_COLOUR}
            strokeDasharray="6 4"
            label={{
              value: `Desired ${formatNumber(desiredMinutes, 0)} min`,
              position: 'insideTopRight',
              fontSize: 12,
              fill: DEADLINE_COLOUR,
            }}
          />
          <ReferenceLine
            x={recommendedUnits}
            stroke={RECOMMENDED_COLOUR}
            label={{
              value: 'Recommended',
              position: 'insideTopLeft',
              fontSize: 12,
              fill: RECOMMENDED_COLOUR,
            }}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
};
