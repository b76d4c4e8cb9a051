import {
  IngestionRun,
  JobRecommendation,
} from '@internal/backstage-plugin-ingestion-common';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { formatDateTime } from '../../lib/format';
import { MeterBar } from '../MeterBar';
import { SectionTitle } from '../SectionTitle';

/** How many of the latest measured runs the efficiency trend shows. */
const TREND_RUNS = 8;

const KIND_TITLES: Record<JobRecommendation['kind'], string> = {
  'meet-sla': 'To meet the SLA',
  'reduce-cpu': 'Ask for fewer cores',
  'reduce-memory': 'Ask for less memory',
};

const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

/**
 * What the job's runs say about its sizing: the server's recommendations, and the CPU and memory each of the
 * latest runs used of what it was allocated.
 */
export const JobRecommendations = (props: {
  recommendations: JobRecommendation[];
  runs: IngestionRun[];
}) => {
  const measured = props.runs
    .filter(run => run.efficiency)
    .slice(0, TREND_RUNS);
  return (
    <Card style={{ height: '100%' }}>
      <CardHeader>
        <SectionTitle
          title="Recommendations and efficiency"
          subtitle="Computed by the service from the runs' measured throughput and use of their allocation."
        />
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="4">
          {props.recommendations.length === 0 ? (
            <Text color="secondary" data-testid="no-recommendations">
              No recommendation: the latest runs met their SLA and used their
              allocation.
            </Text>
          ) : (
            props.recommendations.map(r => (
              <Flex
                key={r.kind}
                direction="column"
                gap="1"
                data-testid="recommendation"
              >
                <Text weight="bold">{KIND_TITLES[r.kind]}</Text>
                <Text variant="body-medium">{r.message}</Text>
              </Flex>
            ))
          )}
          {measured.length > 0 && (
            <Flex direction="column" gap="2" aria-label="Efficiency trend">
              <Text variant="body-small" color="secondary">
                Used of the allocation, latest runs first
              </Text>
              {measured.map(run => (
                <Flex key={run.id} direction="column" gap="1">
                  <Text variant="body-small">
                    {formatDateTime(run.startedAt ?? run.queuedAt)}: CPU{' '}
                    {percent(run.efficiency!.cpu)}, memory{' '}
                    {percent(run.efficiency!.memory)}
                  </Text>
                  <MeterBar
                    fraction={run.efficiency!.cpu}
                    label={`CPU used by run ${run.id}`}
                  />
                </Flex>
              ))}
            </Flex>
          )}
        </Flex>
      </CardBody>
    </Card>
  );
};
