import { LendingEvent } from '@internal/backstage-plugin-ingestion-common';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import {
  Area,
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ComposedChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  formatDateTime,
  formatEntityRef,
  formatNumber,
  formatTime,
} from '../../lib/format';
import { valueAxisLabel } from '../../lib/chartAxis';
import { ChartEmptyState } from '../ChartEmptyState';
import { lentCoresSeries, ReclaimPoint, reclaimPoints } from './lendingSeries';

const HEIGHT = 220;
const LENT_COLOUR = 'var(--bui-accent-bg, #1f5493)';
const TARGET_COLOUR = 'var(--bui-negative-bg, #c62828)';
const WITHIN_COLOUR = 'var(--bui-positive-bg, #2e7d32)';

const count = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`;

/** One line on the period: how much was lent and taken back, and the slowest reclaim against the target. */
function summary(
  events: LendingEvent[],
  timed: ReclaimPoint[],
  reclaims: number,
  targetSeconds: number,
): string {
  const loans = events.filter(e => e.kind === 'loan').length;
  const preempted = events.filter(e => e.kind === 'preemption').length;
  const text = `${count(loans, 'loan', 'loans')}, ${count(
    reclaims,
    'reclaim',
    'reclaims',
  )} (${count(preempted, 'run', 'runs')} preempted)`;
  if (timed.length === 0) return text;
  const slowest = Math.max(...timed.map(r => r.seconds!));
  const late = timed.filter(r => r.seconds! > targetSeconds).length;
  return `${text}; slowest reclaim ${formatNumber(slowest)} s, ${
    late === 0
      ? `all within ${targetSeconds} s`
      : `${late} over ${targetSeconds} s`
  }`;
}

/**
 * The lending audit over a period: cores lent over time, and each reclaim's time from the dedicated run asking to
 * it running, against the target (Requirement 8.4).
 */
export const LendingCard = (props: {
  events: LendingEvent[];
  from: number;
  to: number;
  targetSeconds: number;
}) => {
  const { events, from, to, targetSeconds } = props;
  const lent = lentCoresSeries(events, from, to);
  const reclaims = reclaimPoints(events);
  const timed = reclaims.filter(r => r.seconds !== undefined);
  const slowest = Math.max(0, ...timed.map(r => r.seconds!));
  const anyLoan = events.some(e => e.kind === 'loan');

  return (
    <Card>
      <CardHeader>
        <Flex direction="column" gap="1">
          <Text variant="title-x-small" weight="bold">
            Lending over the last 24 hours
          </Text>
          <Text variant="body-small" color="secondary">
            {summary(events, timed, reclaims.length, targetSeconds)}
          </Text>
        </Flex>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="4">
          {!anyLoan ? (
            <ChartEmptyState
              height={HEIGHT}
              message="Nothing lent in this period: the dedicated namespace lends once it has been idle above the threshold long enough and vCPU-hours runs are waiting."
            />
          ) : (
            <div
              role="figure"
              aria-label={`Cores lent by the dedicated namespace over the last 24 hours: now ${formatNumber(
                lent[lent.length - 1].cores,
              )}`}
              style={{ width: '100%', height: HEIGHT }}
            >
              <ResponsiveContainer width="100%" height="100%">
                <ComposedChart
                  data={lent}
                  margin={{ top: 8, right: 24, left: 8 }}
                >
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis
                    dataKey="at"
                    type="number"
                    scale="time"
                    domain={[from, to]}
                    tickFormatter={(at: number) => formatTime(at)}
                    tick={{ fontSize: 12 }}
                  />
                  <YAxis
                    tick={{ fontSize: 12 }}
                    width={64}
                    label={valueAxisLabel('cores lent')}
                  />
                  <Tooltip
                    labelFormatter={(at: number) => formatDateTime(at)}
                    formatter={(value: number) => [
                      formatNumber(value),
                      'Cores lent',
                    ]}
                  />
                  <Area
                    type="stepAfter"
                    dataKey="cores"
                    stroke={LENT_COLOUR}
                    fill={LENT_COLOUR}
                    fillOpacity={0.2}
                    isAnimationActive={false}
                  />
                </ComposedChart>
              </ResponsiveContainer>
            </div>
          )}
          {timed.length === 0 ? (
            <ChartEmptyState
              height={HEIGHT}
              message={`No capacity taken back in this period. Each reclaim will show here against the ${targetSeconds}-second target.`}
            />
          ) : (
            <div
              role="figure"
              aria-label={`Reclaim times against the ${targetSeconds}-second target: slowest ${formatNumber(
                slowest,
              )} s`}
              style={{ width: '100%', height: HEIGHT }}
            >
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={timed} margin={{ top: 8, right: 24, left: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis
                    dataKey="at"
                    tickFormatter={(at: number) => formatTime(at)}
                    tick={{ fontSize: 12 }}
                  />
                  <YAxis
                    tick={{ fontSize: 12 }}
                    width={64}
                    domain={[0, Math.max(targetSeconds * 1.2, slowest)]}
                    label={valueAxisLabel('seconds to running')}
                  />
                  <Tooltip
                    labelFormatter={(at: number) => formatDateTime(at)}
                    formatter={(value: number, _name: string, item) => {
                      const reclaim = item.payload as ReclaimPoint;
                      return [
                        `${formatNumber(value)} s, ${
                          reclaim.victims
                        } preempted, for ${formatEntityRef(reclaim.tenant)}`,
                        'Reclaim',
                      ];
                    }}
                  />
                  <ReferenceLine
                    y={targetSeconds}
                    stroke={TARGET_COLOUR}
                    strokeDasharray="6 4"
                    label={{
                      value: `${targetSeconds} s target`,
                      position: 'insideTopRight',
                      fontSize: 12,
                      fill: TARGET_COLOUR,
                    }}
                  />
                  <Bar dataKey="seconds" isAnimationActive={false}>
                    {timed.map(r => (
                      <Cell
                        key={r.runId}
                        fill={
                          r.seconds! > targetSeconds
                            ? TARGET_COLOUR
                            : WITHIN_COLOUR
                        }
                      />
                    ))}
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </div>
          )}
        </Flex>
      </CardBody>
    </Card>
  );
};
