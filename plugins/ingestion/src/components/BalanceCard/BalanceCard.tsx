import { VcpuHourBalance } from '@internal/backstage-plugin-ingestion-common';
import { Flex, Text } from '@backstage/ui';
import { formatHours, formatNumber } from '../../lib/format';
import { MeterBar } from '../MeterBar';
import { StatCard } from '../StatCard';

/** The vCPU-hour wallet: what is left of what was bought, as a number and a meter. */
export const BalanceCard = (props: { balance: VcpuHourBalance }) => {
  const { purchasedHours, remainingHours, consumedHours, remainingFraction } =
    props.balance;
  const nothingBought = purchasedHours <= 0;
  return (
    <StatCard
      label="vCPU-hour balance"
      value={formatNumber(remainingHours)}
      unit={
        nothingBought ? 'vCPU-hours' : `of ${formatHours(purchasedHours)} left`
      }
      data-testid="vcpu-hour-balance"
    >
      {nothingBought ? (
        <Text variant="body-medium" color="secondary">
          No vCPU-hours valid now. Buy some below to run jobs in the shared
          pool.
        </Text>
      ) : (
        <Flex direction="column" gap="2">
          <MeterBar fraction={remainingFraction} label="vCPU-hours remaining" />
          <Flex justify="between">
            <Text variant="body-medium" color="secondary">
              {formatNumber(remainingFraction * 100, 0)}% remaining
            </Text>
            <Text variant="body-medium" color="secondary">
              {formatHours(consumedHours)} used
            </Text>
          </Flex>
          {remainingHours <= 0 && (
            <Text variant="body-medium" color="danger">
              Used up: new runs are suspended until you buy more.
            </Text>
          )}
        </Flex>
      )}
    </StatCard>
  );
};
