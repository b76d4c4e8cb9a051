import { VcpuHourBalance } from '@internal/backstage-plugin-ingestion-common';
import { Text } from '@backstage/ui';
import { formatNumber } from '../../lib/format';
import { StatCard } from '../StatCard';
import { describeDepletion } from './depletion';

/** How fast vCPU-hours are being used, and when they run out at that rate. */
export const ConsumptionCard = (props: {
  balance: VcpuHourBalance;
  now: number;
}) => {
  const { balance, now } = props;
  const rate = balance.consumptionRatePerHour;
  const depletion = describeDepletion(balance, now);
  return (
    <StatCard
      label="Consumption rate"
      value={formatNumber(rate, 2)}
      unit="vCPU-hours per hour"
      data-testid="consumption"
    >
      <Text variant="body-medium" color="secondary">
        {rate > 0
          ? `About ${formatNumber(
              rate,
              1,
            )} cores busy on average over the last 24 hours.`
          : 'Averaged over the last 24 hours.'}
      </Text>
      <Text
        variant="body-medium"
        weight="bold"
        color={depletion.tone}
        data-testid="depletion"
      >
        {depletion.text}
      </Text>
    </StatCard>
  );
};
