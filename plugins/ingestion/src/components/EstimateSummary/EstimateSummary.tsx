import { ResourceEstimate } from '@internal/backstage-plugin-ingestion-common';
import {
  Alert,
  Card,
  CardBody,
  CardHeader,
  Flex,
  Grid,
  Text,
} from '@backstage/ui';
import {
  formatBytes,
  formatGiB,
  formatMoney,
  formatNumber,
} from '../../lib/format';
import { EstimateIntervalChart } from '../EstimateIntervalChart';
import { SectionTitle } from '../SectionTitle';
import { StatusPill } from '../StatusPill';

const BASIS_TITLES = {
  job: "This job's runs",
  similar: 'Similar jobs',
  prior: 'Conservative prior',
} as const;

const BASIS_TONE = {
  job: 'success',
  similar: 'info',
  prior: 'warning',
} as const;

/** The recommendation, the interval chart, both purchase models side by side, and what the estimate rests on. */
export const EstimateSummary = (props: { estimate: ResourceEstimate }) => {
  const { estimate } = props;
  const { recommendation, duration, cost, model, request } = estimate;
  const { resources } = recommendation;
  const confidence = Math.round(duration.confidence * 100);
  return (
    <Flex direction="column" gap="4" data-testid="estimate-summary">
      {!recommendation.meetsDeadline && (
        <Alert
          status="warning"
          icon
          title="No size finishes within the desired time with confidence"
          description="The fastest is shown. Allow more time, or more parallel reads (partitions) from the source."
        />
      )}
      <Grid.Root columns={{ initial: '1', md: '3' }} gap="4">
        <Card>
          <CardHeader>
            <SectionTitle title="Recommendation" />
          </CardHeader>
          <CardBody>
            <Flex direction="column" gap="2">
              <Text variant="title-medium" data-testid="recommended-units">
                {recommendation.ingestionUnits} Ingestion Unit
                {recommendation.ingestionUnits === 1 ? '' : 's'}
              </Text>
              <Text variant="body-medium">
                {resources.executorInstances} executors ×{' '}
                {resources.executorCores} cores,{' '}
                {formatGiB(resources.executorMemoryGiB)} each; driver{' '}
                {resources.driverCores} core,{' '}
                {formatGiB(resources.driverMemoryGiB)}
              </Text>
              <Text variant="body-medium" data-testid="expected-duration">
                Expected {formatNumber(duration.expectedMinutes)} min;{' '}
                {confidence} % interval {formatNumber(duration.lowMinutes)}–
                {formatNumber(duration.highMinutes)} min (desired within{' '}
                {formatNumber(request.desiredCompletionMinutes, 0)} min)
              </Text>
            </Flex>
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <SectionTitle
              title="Cost per month"
              subtitle={`${formatNumber(cost.runsPerMonth, 0)} runs a month${
                cost.runsPerMonthAssumed ? ' (assumed: one a day)' : ''
              }`}
            />
          </CardHeader>
          <CardBody>
            <Grid.Root columns="2" gap="3" data-testid="cost-comparison">
              <Flex direction="column" gap="1">
                <Text weight="bold">Dedicated units</Text>
                <Text variant="title-small">
                  {formatMoney(cost.dedicated.amount, cost.currency)}
                </Text>
                <Text variant="body-small" color="secondary">
                  {cost.dedicated.units} ×{' '}
                  {formatMoney(cost.dedicated.pricePerUnitMonth, cost.currency)}
                </Text>
              </Flex>
              <Flex direction="column" gap="1">
                <Text weight="bold">vCPU-hours</Text>
                <Text variant="title-small">
                  {formatMoney(cost.vcpuHours.amount, cost.currency)}
                </Text>
                <Text variant="body-small" color="secondary">
                  {formatNumber(cost.vcpuHours.vcpuHours)} h ×{' '}
                  {formatMoney(cost.vcpuHours.pricePerVcpuHour, cost.currency)}
                </Text>
              </Flex>
            </Grid.Root>
            <Text variant="body-medium" data-testid="cheaper-option">
              {cost.cheaper === 'dedicated' ? 'Dedicated units' : 'vCPU-hours'}{' '}
              cost {formatMoney(cost.savings, cost.currency)} less a month.
            </Text>
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <SectionTitle title="Based on" />
          </CardHeader>
          <CardBody>
            <Flex direction="column" gap="2" data-testid="estimate-basis">
              <StatusPill tone={BASIS_TONE[estimate.basis]}>
                {BASIS_TITLES[estimate.basis]}
              </StatusPill>
              <Text variant="body-medium">{estimate.basisLabel}</Text>
              <Text variant="body-small" color="secondary">
                Start-up {formatNumber(model.startupSeconds, 0)} s, then{' '}
                {formatBytes(model.bytesPerCoreSecond)} per core-second.
              </Text>
            </Flex>
          </CardBody>
        </Card>
      </Grid.Root>
      <Card>
        <CardHeader>
          <SectionTitle
            title="Duration by size"
            subtitle={`Expected duration and its ${confidence} % interval (shaded) for each number of Ingestion Units.`}
          />
        </CardHeader>
        <CardBody>
          <EstimateIntervalChart
            options={estimate.options}
            desiredMinutes={request.desiredCompletionMinutes}
            recommendedUnits={recommendation.ingestionUnits}
          />
        </CardBody>
      </Card>
    </Flex>
  );
};
