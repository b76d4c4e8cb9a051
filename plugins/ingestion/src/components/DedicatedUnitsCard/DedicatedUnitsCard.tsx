import { SparkUnitSize } from '@internal/backstage-plugin-ingestion-common';
import { Text } from '@backstage/ui';
import { formatGiB, formatNumber } from '../../lib/format';
import { StatCard } from '../StatCard';

/** Dedicated Ingestion Units the tenant holds now, and the cores and memory they reserve. */
export const DedicatedUnitsCard = (props: {
  units: number;
  sparkUnitSize?: SparkUnitSize;
}) => {
  const { units, sparkUnitSize } = props;
  return (
    <StatCard
      label="Dedicated Ingestion Units"
      value={formatNumber(units, 0)}
      unit={units === 1 ? 'unit held now' : 'units held now'}
      data-testid="dedicated-units"
    >
      {units > 0 ? (
        <Text variant="body-medium" color="secondary">
          {sparkUnitSize
            ? `${formatNumber(
                units * sparkUnitSize.cores,
              )} cores and ${formatGiB(
                units * sparkUnitSize.memoryGiB,
              )} reserved for your jobs alone`
            : 'Spark Units reserved for your jobs alone'}
        </Text>
      ) : (
        <Text variant="body-medium" color="secondary">
          None held now. Each unit reserves one Spark Unit
          {sparkUnitSize
            ? ` (${sparkUnitSize.cores} cores, ${formatGiB(
                sparkUnitSize.memoryGiB,
              )})`
            : ''}{' '}
          for your jobs alone.
        </Text>
      )}
    </StatCard>
  );
};
