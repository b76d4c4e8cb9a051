import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { Card, CardBody, CardHeader, Flex, Link, Text } from '@backstage/ui';
import { RunReplayEstimate } from '@internal/backstage-plugin-ingestion-common';
import useAsync from 'react-use/esm/useAsync';
import { ingestionApiRef } from '../../api';
import { serverMessage } from '../../lib/errors';
import { formatMoney, formatNumber } from '../../lib/format';
import { estimatorRouteRef } from '../../routes';
import { SectionTitle } from '../SectionTitle';

const units = (n: number) => `${n} Ingestion Unit${n === 1 ? '' : 's'}`;

/** What the latest run's own task timeline says when replayed at other sizes. */
const RunReplaySummary = ({ replay }: { replay: RunReplayEstimate }) => {
  const chosen = replay.recommendation;
  const smaller = replay.sizes.find(
    s => s.ingestionUnits === chosen.ingestionUnits - 1,
  );
  const { cost } = replay;
  return (
    <Flex direction="column" gap="1" data-testid="run-replay">
      <Text variant="body-medium">
        {chosen.meetsSla
          ? `Replaying run ${replay.runId.slice(0, 8)} at each size: ${units(
              chosen.ingestionUnits,
            )} finish in ${formatNumber(
              chosen.predictedMinutes,
            )} min, within the SLA of ${formatNumber(replay.slaMinutes)} min`
          : `Replaying run ${replay.runId.slice(
              0,
              8,
            )} at each size: no size meets the SLA of ${formatNumber(
              replay.slaMinutes,
            )} min; ${units(
              chosen.ingestionUnits,
            )} are fastest at ${formatNumber(chosen.predictedMinutes)} min`}
        {smaller &&
          ` (${units(smaller.ingestionUnits)}: ${formatNumber(
            smaller.predictedMinutes,
          )} min)`}
        .
      </Text>
      <Text variant="body-small" color="secondary">
        A month of it: {formatMoney(cost.dedicated.amount, cost.currency)} as
        dedicated units, {formatMoney(cost.vcpuHours.amount, cost.currency)} as
        vCPU-hours.
        {replay.gaps.length > 0 &&
          ` The event log was partial: ${replay.gaps.join('; ')}.`}
      </Text>
    </Flex>
  );
};

/**
 * The estimator's advice for one job on its page: the units its declared volume needs to meet its SLA, learnt from
 * its runs so far, with a link to the full estimate. `refreshKey` changes when a run finishes, so the advice does.
 */
export const JobEstimateCard = (props: {
  jobId: string;
  refreshKey: string;
}) => {
  const { jobId, refreshKey } = props;
  const api = useApi(ingestionApiRef);
  const estimatorLink = useRouteRef(estimatorRouteRef);
  const estimate = useAsync(
    () => api.getJobEstimate(jobId),
    [api, jobId, refreshKey],
  );
  const href = estimatorLink
    ? `${estimatorLink()}?jobId=${encodeURIComponent(jobId)}`
    : undefined;
  return (
    <Card data-testid="job-estimate-card">
      <CardHeader>
        <SectionTitle
          title="Estimator advice"
          subtitle="Ingestion Units for the declared volume within the SLA, learnt from finished runs."
        />
      </CardHeader>
      <CardBody>
        {estimate.error && (
          <Text color="secondary">{serverMessage(estimate.error)}</Text>
        )}
        {estimate.value && (
          <Flex direction="column" gap="1">
            <Text variant="body-large">
              {estimate.value.recommendation.ingestionUnits} Ingestion Unit
              {estimate.value.recommendation.ingestionUnits === 1 ? '' : 's'}:
              expected {formatNumber(estimate.value.duration.expectedMinutes)}{' '}
              min ({formatNumber(estimate.value.duration.lowMinutes)}–
              {formatNumber(estimate.value.duration.highMinutes)} min)
            </Text>
            <Text variant="body-small" color="secondary">
              Based on {estimate.value.basisLabel}.
            </Text>
            {estimate.value.lastRunReplay && (
              <RunReplaySummary replay={estimate.value.lastRunReplay} />
            )}
            {href && <Link href={href}>Open in the estimator</Link>}
          </Flex>
        )}
      </CardBody>
    </Card>
  );
};
