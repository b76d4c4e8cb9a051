import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { Card, CardBody, CardHeader, Flex, Link, Text } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { ingestionApiRef } from '../../api';
import { serverMessage } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { estimatorRouteRef } from '../../routes';
import { SectionTitle } from '../SectionTitle';

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
            {href && <Link href={href}>Open in the estimator</Link>}
          </Flex>
        )}
      </CardBody>
    </Card>
  );
};
