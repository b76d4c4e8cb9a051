import { JobHealth } from '@internal/backstage-plugin-ingestion-common';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { formatDateTime, formatEntityRef } from '../../lib/format';
import { LIFECYCLE_LABELS } from '../../lib/jobLabels';
import { SectionTitle } from '../SectionTitle';
import { StatusPill, StatusTone } from '../StatusPill';

const STEP_LABELS: Record<JobHealth['timeline'][number]['kind'], string> = {
  created: 'Created',
  promoted: 'Promoted',
  'promotion-refused': 'Not promoted',
  'sent-back': 'Back to draft',
};

const STEP_TONES: Record<JobHealth['timeline'][number]['kind'], StatusTone> = {
  created: 'neutral',
  promoted: 'success',
  'promotion-refused': 'warning',
  'sent-back': 'info',
};

/** Where the job is in its life: draft profiling progress or production, why, and every step so far. */
export const JobLifecycleCard = (props: { health: JobHealth }) => {
  const { health } = props;
  const { requiredRuns, consecutiveWithinSla } = health.profiling;
  const progress =
    health.lifecycle === 'draft'
      ? `Profiling in the draft namespace: ${Math.min(
          consecutiveWithinSla,
          requiredRuns,
        )} of ${requiredRuns} consecutive runs within the SLA.`
      : `In production, in the ${health.tier} namespace.`;
  return (
    <Card style={{ height: '100%' }}>
      <CardHeader>
        <SectionTitle
          title="Lifecycle"
          subtitle="New jobs are profiled in draft and promoted after consecutive runs within their SLA."
        />
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="3">
          <Flex gap="2" align="center">
            <StatusPill
              tone={health.lifecycle === 'production' ? 'info' : 'neutral'}
            >
              {LIFECYCLE_LABELS[health.lifecycle]}
            </StatusPill>
            <Text data-testid="lifecycle-progress">{progress}</Text>
          </Flex>
          {health.lifecycleReason && (
            <Text variant="body-medium" data-testid="lifecycle-reason">
              {health.lifecycleReason}
            </Text>
          )}
          <ol
            aria-label="Lifecycle timeline"
            style={{ margin: 0, paddingLeft: 18 }}
          >
            {health.timeline.map(step => (
              <li key={`${step.at}-${step.kind}`} style={{ marginBottom: 8 }}>
                <Flex direction="column" gap="1">
                  <Flex gap="2" align="center">
                    <StatusPill tone={STEP_TONES[step.kind]}>
                      {STEP_LABELS[step.kind]}
                    </StatusPill>
                    <Text variant="body-small" color="secondary">
                      {formatDateTime(step.at)} by {formatEntityRef(step.by)}
                    </Text>
                  </Flex>
                  <Text variant="body-small">{step.reason}</Text>
                </Flex>
              </li>
            ))}
          </ol>
        </Flex>
      </CardBody>
    </Card>
  );
};
