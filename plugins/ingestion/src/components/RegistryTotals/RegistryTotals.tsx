import { RegistrySnapshot } from '@internal/backstage-plugin-ingestion-common';
import { Grid, Text } from '@backstage/ui';
import { formatGiB, formatNumber } from '../../lib/format';
import { StatCard } from '../StatCard';

/** The platform's capacity at a glance: Ingestion Units (the sum of Spark Units), cores and memory. */
export const RegistryTotals = (props: { registry: RegistrySnapshot }) => {
  const { registry } = props;
  const { cores, memoryGiB } = registry.sparkUnitSize;
  return (
    <Grid.Root columns={{ initial: '1', sm: '2', lg: '4' }} gap="4">
      <StatCard
        label="Ingestion Units"
        value={formatNumber(registry.totalIngestionUnits, 0)}
        unit="units"
        data-testid="total-ingestion-units"
      >
        <Text variant="body-medium" color="secondary">
          The sum of Spark Units across {registry.namespaces.length} namespaces
        </Text>
      </StatCard>
      <StatCard
        label="Cores"
        value={formatNumber(registry.totalCores, 0)}
        unit="cores"
      >
        <Text variant="body-medium" color="secondary">
          Across all namespaces
        </Text>
      </StatCard>
      <StatCard
        label="Memory"
        value={formatNumber(registry.totalMemoryGiB, 0)}
        unit="GiB"
      >
        <Text variant="body-medium" color="secondary">
          Across all namespaces
        </Text>
      </StatCard>
      <StatCard label="Spark Unit size" value={cores} unit="cores">
        <Text variant="body-medium" color="secondary">
          and {formatGiB(memoryGiB)} of memory per unit, as bought from the
          infrastructure team
        </Text>
      </StatCard>
    </Grid.Root>
  );
};
