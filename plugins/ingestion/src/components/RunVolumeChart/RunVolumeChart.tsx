import { ToggleButton, ToggleButtonGroup } from '@backstage/ui';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatBytes, formatCompact, formatDateTime } from '../../lib/format';
import { RunChartPoint } from '../../lib/runChartPoints';
import { ChartEmptyState } from '../ChartEmptyState';

/** What the volume chart counts: records or bytes. */
export type VolumeMeasure = 'rows' | 'bytes';

const IN_COLOUR = 'var(--bui-accent-bg, #1f5493)';
const OUT_COLOUR = 'var(--bui-positive-fg-subdued, #0c632b)';

const MEASURES: Record<
  VolumeMeasure,
  {
    in: keyof RunChartPoint;
    out: keyof RunChartPoint;
    format(value: number): string;
  }
> = {
  rows: { in: 'recordsIn', out: 'recordsOut', format: formatCompact },
  bytes: { in: 'bytesIn', out: 'bytesOut', format: formatBytes },
};

const dayTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** The choice between rows and bytes, for the volume chart's card header. */
export const VolumeMeasureToggle = (props: {
  measure: VolumeMeasure;
  onChange(measure: VolumeMeasure): void;
}) => (
  <ToggleButtonGroup
    aria-label="Measure"
    style={{ flexShrink: 0 }}
    selectionMode="single"
    disallowEmptySelection
    selectedKeys={[props.measure]}
    onSelectionChange={keys => {
      const [key] = [...keys];
      if (key === 'rows' || key === 'bytes') props.onChange(key);
    }}
  >
    <ToggleButton id="rows">Rows</ToggleButton>
    <ToggleButton id="bytes">Bytes</ToggleButton>
  </ToggleButtonGroup>
);

/** Rows (or bytes) read and written by each finished run with metrics, oldest to newest. */
export const RunVolumeChart = (props: {
  points: RunChartPoint[];
  measure: VolumeMeasure;
  height?: number;
}) => {
  const { measure, height = 260 } = props;
  const { in: inKey, out: outKey, format } = MEASURES[measure];
  const points = props.points.filter(p => p[inKey] !== undefined);
  if (points.length === 0) {
    return (
      <ChartEmptyState
        height={height}
        message="No measured runs yet: the rows and bytes each run reads and writes appear here."
      />
    );
  }
  return (
    <div
      role="figure"
      aria-label={`${
        measure === 'rows' ? 'Rows' : 'Bytes'
      } read and written by the last ${points.length} runs`}
      data-testid="run-volume-chart"
      style={{ width: '100%', height }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={points}
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
          barGap={2}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="at"
            tickFormatter={(at: number) => dayTime.format(at)}
            tick={{ fontSize: 11 }}
            minTickGap={24}
          />
          <YAxis tickFormatter={format} tick={{ fontSize: 12 }} width={72} />
          <Tooltip
            labelFormatter={(at: number) => formatDateTime(at)}
            formatter={(value: number, name: string) => [format(value), name]}
          />
          <Legend verticalAlign="top" align="right" height={28} />
          <Bar
            dataKey={inKey}
            name="Read"
            fill={IN_COLOUR}
            maxBarSize={18}
            radius={[3, 3, 0, 0]}
            isAnimationActive={false}
          />
          <Bar
            dataKey={outKey}
            name="Written"
            fill={OUT_COLOUR}
            maxBarSize={18}
            radius={[3, 3, 0, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
};
