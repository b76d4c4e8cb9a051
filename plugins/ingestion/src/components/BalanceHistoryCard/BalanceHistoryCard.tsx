import {
  BalancePoint,
  Purchase,
} from '@internal/backstage-plugin-ingestion-common';
import {
  Card,
  CardBody,
  CardHeader,
  Flex,
  Text,
  ToggleButton,
  ToggleButtonGroup,
} from '@backstage/ui';
import { BurnDownChart } from '../BurnDownChart';

/** The ranges the burn-down chart offers, in days. */
export const HISTORY_RANGES = [
  { days: 1, label: '24 hours' },
  { days: 7, label: '7 days' },
  { days: 30, label: '30 days' },
] as const;

/** The burn-down chart in a card, with a choice of time range. */
export const BalanceHistoryCard = (props: {
  points: BalancePoint[];
  purchases: Purchase[];
  days: number;
  now: number;
  ratePerHour: number;
  onDaysChange(days: number): void;
}) => {
  const { points, purchases, days, now, ratePerHour, onDaysChange } = props;
  return (
    <Card style={{ height: '100%' }}>
      <CardHeader>
        <Flex justify="between" align="center" gap="3">
          <Flex direction="column" gap="1">
            <Text variant="title-x-small" weight="bold">
              vCPU-hours over time
            </Text>
            <Text variant="body-small" color="secondary">
              Remaining balance after each purchase and run, against what is
              purchased and valid; ahead, where it heads at the current rate.
            </Text>
          </Flex>
          <ToggleButtonGroup
            aria-label="Time range"
            style={{ flexShrink: 0, whiteSpace: 'nowrap' }}
            selectionMode="single"
            disallowEmptySelection
            selectedKeys={[String(days)]}
            onSelectionChange={keys => {
              const [key] = [...keys];
              if (key !== undefined) onDaysChange(Number(key));
            }}
          >
            {HISTORY_RANGES.map(range => (
              <ToggleButton key={range.days} id={String(range.days)}>
                {range.label}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Flex>
      </CardHeader>
      <CardBody>
        <BurnDownChart
          points={points}
          purchases={purchases}
          days={days}
          now={now}
          ratePerHour={ratePerHour}
        />
      </CardBody>
    </Card>
  );
};
