import {
  BalancePoint,
  Purchase,
} from '@internal/backstage-plugin-ingestion-common';
import { Flex, Text } from '@backstage/ui';
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
import {
  formatDateTime,
  formatHours,
  formatNumber,
  formatTime,
} from '../../lib/format';
import {
  burnDownSeries,
  hasActivity,
  Lot,
  mergeRows,
  projection,
  purchasedAhead,
  timeTicks,
} from './burnDownSeries';
import { valueAxisLabel } from '../../lib/chartAxis';

const HOUR_MS = 3_600_000;
const dayMonth = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
});

const REMAINING_COLOUR = 'var(--bui-accent-bg, #1f5493)';
const PURCHASED_COLOUR = 'var(--bui-fg-secondary, #696969)';

const tickLabel = (at: number) => {
  const date = new Date(at);
  return date.getHours() === 0 && date.getMinutes() === 0
    ? dayMonth.format(date)
    : formatTime(date);
};

/**
 * Remaining vCPU-hours over the last `days` days as a step chart, with the level purchased (and valid) above it:
 * purchases raise both, runs wear the remaining line down, expiries drop both. To the right of "now", over half
 * as many days again, the purchased level steps down as purchases expire and a dotted line projects the balance
 * at the current consumption rate.
 */
export const BurnDownChart = (props: {
  points: BalancePoint[];
  purchases: Purchase[];
  days: number;
  now: number;
  ratePerHour: number;
  height?: number;
}) => {
  const { points, purchases, days, now, ratePerHour, height = 320 } = props;
  const since = now - days * 24 * HOUR_MS;
  const until = now + (days * 24 * HOUR_MS) / 2;
  const past = burnDownSeries(points, since, now);
  const current = past[past.length - 1];

  if (!hasActivity(past)) {
    return (
      <Flex
        align="center"
        justify="center"
        style={{ height }}
        data-testid="burn-down-empty"
      >
        <Text color="secondary">
          No vCPU-hours held in this period: the chart starts with your first
          purchase.
        </Text>
      </Flex>
    );
  }

  const lots: Lot[] = purchases
    .filter(p => p.unitType === 'vcpu-hours')
    .map(p => ({
      quantity: p.quantity,
      validFrom: Date.parse(p.validFrom),
      validUntil: Date.parse(p.validUntil),
    }));
  const rows = mergeRows(
    past,
    projection(current.remaining, ratePerHour, now, until, lots),
    purchasedAhead(lots, now, until),
  );
  const ticks = timeTicks(since, until);

  return (
    <div
      role="figure"
      aria-label={`Remaining vCPU-hours over the last ${
        days === 1 ? '24 hours' : `${days} days`
      }: now ${formatNumber(current.remaining)} of ${formatHours(
        current.purchased,
      )} purchased`}
      data-testid="burn-down-chart"
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
            domain={[since, until]}
            ticks={ticks}
            tickFormatter={tickLabel}
            tick={{ fontSize: 12 }}
          />
          <YAxis
            tickFormatter={(v: number) => formatNumber(v, 0)}
            tick={{ fontSize: 12 }}
            width={72}
            label={valueAxisLabel('vCPU-hours')}
          />
          <Tooltip
            labelFormatter={(at: number) => formatDateTime(at)}
            formatter={(value: number, name: string) => [
              formatHours(value),
              name,
            ]}
          />
          <Legend verticalAlign="top" align="right" height={32} />
          <ReferenceLine
            x={now}
            stroke={PURCHASED_COLOUR}
            label={{
              value: 'Now',
              position: 'insideTopLeft',
              fontSize: 12,
              fill: PURCHASED_COLOUR,
            }}
          />
          <Area
            type="stepAfter"
            dataKey="remaining"
            name="Remaining"
            stroke={REMAINING_COLOUR}
            fill={REMAINING_COLOUR}
            fillOpacity={0.15}
            strokeWidth={2}
            isAnimationActive={false}
            dot={false}
          />
          <Line
            type="stepAfter"
            dataKey="purchased"
            name="Purchased"
            stroke={PURCHASED_COLOUR}
            strokeDasharray="6 4"
            strokeWidth={1.5}
            isAnimationActive={false}
            dot={false}
            connectNulls
          />
          <Line
            type="linear"
            dataKey="projected"
            name="Projected at the current rate"
            stroke={REMAINING_COLOUR}
            strokeDasharray="2 4"
            strokeWidth={2}
            isAnimationActive={false}
            dot={false}
            connectNulls
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
};
