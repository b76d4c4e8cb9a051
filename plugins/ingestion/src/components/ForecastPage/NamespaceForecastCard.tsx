import { NamespaceForecast } from '@internal/backstage-plugin-ingestion-common';
import {
  Alert,
  Card,
  CardBody,
  CardHeader,
  CellText,
  ColumnConfig,
  Flex,
  Table,
  Text,
} from '@backstage/ui';
import { formatNumber, formatUtcDay } from '../../lib/format';
import { ForecastFanChart } from '../ForecastFanChart';
import { SectionTitle } from '../SectionTitle';
import { TIER_DESCRIPTIONS } from '../SparkUnitRegistry/SparkUnitRegistry';

type HorizonRow = NamespaceForecast['horizons'][number] & { id: string };

const units = (n: number) => `${n} Spark Unit${n === 1 ? '' : 's'}`;

/** What to buy, by when, or that nothing is needed. */
const Recommendation = (props: {
  ns: NamespaceForecast;
  threshold: number;
}) => {
  const { ns, threshold } = props;
  const advice = ns.advice;
  if (!advice) return null;
  const percent = Math.round(threshold * 100);
  if (advice.sparkUnitsToBuy === 0) {
    return (
      <Alert
        status="success"
        icon
        title="No purchase needed"
        description={`The forecast's upper bound stays at or under ${percent}% of ${units(
          ns.sparkUnits,
        )} for the next 90 days.`}
      />
    );
  }
  const steps =
    advice.steps.length > 1
      ? ` Bought no earlier than needed: ${advice.steps
          .map(s => `${s.additionalSparkUnits} by ${formatUtcDay(s.neededBy)}`)
          .join(', ')}.`
      : '';
  return (
    <Alert
      status="warning"
      icon
      title={`Buy ${units(advice.sparkUnitsToBuy)} by ${formatUtcDay(
        advice.neededBy!,
      )}`}
      description={`The smallest purchase that keeps the forecast's upper bound at or under ${percent}% for the next 90 days (${units(
        ns.sparkUnits + advice.sparkUnitsToBuy,
      )} in all).${steps}`}
    />
  );
};

/** One namespace: its utilisation, fan chart, 30/60/90-day horizons and the purchase recommendation. */
export const NamespaceForecastCard = (props: {
  ns: NamespaceForecast;
  threshold: number;
  level: number;
}) => {
  const { ns, threshold, level } = props;
  const columns: ColumnConfig<HorizonRow>[] = [
    {
      id: 'days',
      label: 'Horizon',
      isRowHeader: true,
      defaultWidth: '1fr',
      cell: r => <CellText title={`${r.days} days`} />,
    },
    {
      id: 'point',
      label: 'Forecast',
      defaultWidth: '1fr',
      cell: r => <CellText title={`${formatNumber(r.point, 2)} SU`} />,
    },
    {
      id: 'interval',
      label: `${Math.round(level * 100)}% interval`,
      defaultWidth: '1.4fr',
      cell: r => (
        <CellText
          title={`${formatNumber(r.lower, 2)} – ${formatNumber(r.upper, 2)} SU`}
        />
      ),
    },
    {
      id: 'peak',
      label: 'Peak upper bound',
      defaultWidth: '1.2fr',
      cell: r => (
        <CellText
          title={`${formatNumber(r.peakUpper, 2)} SU`}
          description={`${formatNumber(
            ns.sparkUnits > 0 ? (100 * r.peakUpper) / ns.sparkUnits : 0,
            0,
          )}% of capacity`}
        />
      ),
    },
    {
      id: 'buy',
      label: 'To buy',
      defaultWidth: '1fr',
      cell: r => <CellText title={units(r.sparkUnitsToBuy)} />,
    },
  ];
  return (
    <Card data-testid={`namespace-forecast-${ns.tier}`}>
      <CardHeader>
        <SectionTitle
          title={`${ns.namespace} · ${units(ns.sparkUnits)}`}
          subtitle={`${
            TIER_DESCRIPTIONS[ns.tier]
          }. Rolling 30-day utilisation ${formatNumber(
            ns.rolling30DayUtilisation * 100,
            1,
          )}%.`}
        />
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="3">
          {ns.alertFired && (
            <Alert
              status="danger"
              icon
              title={`Forecast above ${Math.round(threshold * 100)}%`}
              description="The platform admins were notified."
            />
          )}
          <ForecastFanChart
            namespace={ns}
            threshold={threshold}
            level={level}
          />
          {ns.note ? (
            <Text color="secondary">{ns.note}</Text>
          ) : (
            <>
              <Table
                columnConfig={columns}
                data={ns.horizons.map(h => ({ ...h, id: String(h.days) }))}
                pagination={{ type: 'none' }}
              />
              <Recommendation ns={ns} threshold={threshold} />
            </>
          )}
        </Flex>
      </CardBody>
    </Card>
  );
};
