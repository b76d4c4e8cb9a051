import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_INGESTION_JOB_ID,
  DEFAULT_NAMESPACE_NAMES,
} from '@internal/backstage-plugin-ingestion-common';
import {
  Alert,
  Card,
  CardBody,
  CardHeader,
  Container,
  Flex,
  Grid,
  Text,
} from '@backstage/ui';
import { useCallback, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { ingestionApiRef } from '../../api';
import { useJobActions } from '../../hooks/useJobActions';
import { describeSchedule } from '../../lib/describeSchedule';
import { serverMessage } from '../../lib/errors';
import { formatNumber, formatTime } from '../../lib/format';
import {
  JOB_STATUS_LABELS,
  LIFECYCLE_LABELS,
  POOL_LABELS,
} from '../../lib/jobLabels';
import { runChartPoints } from '../../lib/runChartPoints';
import { JobActionButtons } from '../JobActionButtons';
import { JobActionRefusal } from '../JobActionRefusal';
import { JobConfiguration } from '../JobConfiguration';
import { JobLifecycleCard } from '../JobLifecycleCard';
import { JobRecommendations } from '../JobRecommendations';
import { JobEstimateCard } from '../JobEstimateCard';
import { JobRunStats } from '../JobRunStats';
import { RunDurationChart } from '../RunDurationChart';
import { RunHistoryTable } from '../RunHistoryTable';
import {
  RunVolumeChart,
  VolumeMeasure,
  VolumeMeasureToggle,
} from '../RunVolumeChart';
import { SectionTitle } from '../SectionTitle';
import { StatusPill } from '../StatusPill';
import { UpcomingRuns } from '../UpcomingRuns';
import { useJobDetails } from './useJobDetails';

/** How many of the latest finished runs the charts plot. */
const CHARTED_RUNS = 30;

/** The tab's content for one job: everything from the ingestion API, refreshed while runs are active. */
const JobIngestionDetails = (props: { jobId: string }) => {
  const api = useApi(ingestionApiRef);
  const details = useJobDetails(props.jobId);
  const reload = details.retry;
  const actions = useJobActions(useCallback(() => reload(), [reload]));
  const [measure, setMeasure] = useState<VolumeMeasure>('rows');
  const registry = useAsync(() => api.getRegistry(), [api]);

  const value = details.value;
  const points = useMemo(
    () => (value ? runChartPoints(value.runs, CHARTED_RUNS) : []),
    [value],
  );

  if (!value) {
    if (details.error) return <ResponseErrorPanel error={details.error} />;
    return <Progress />;
  }
  const { job, runs, totalRuns, fetchedAt } = value;
  const namespace =
    registry.value?.namespaces.find(ns => ns.tier === job.tier)?.namespace ??
    DEFAULT_NAMESPACE_NAMES[job.tier];

  const sla = `${formatNumber(job.estimates.slaMinutes, 0)} min`;
  let freshness = `Updated at ${formatTime(fetchedAt)}`;
  if (details.polling)
    freshness += '; refreshing every few seconds while runs are active';

  return (
    <Flex direction="column" gap="4" pb="6">
      <Card>
        <CardBody>
          <Flex
            justify="between"
            align="center"
            gap="4"
            style={{ flexWrap: 'wrap' }}
          >
            <Flex direction="column" gap="2">
              <Flex gap="2" align="center" style={{ flexWrap: 'wrap' }}>
                <StatusPill
                  tone={job.status === 'active' ? 'success' : 'warning'}
                >
                  {JOB_STATUS_LABELS[job.status]}
                </StatusPill>
                <StatusPill
                  tone={job.lifecycle === 'production' ? 'info' : 'neutral'}
                >
                  {LIFECYCLE_LABELS[job.lifecycle]}
                </StatusPill>
                <Text variant="body-medium" color="secondary">
                  {POOL_LABELS[job.pool]} pool · {namespace}
                </Text>
              </Flex>
              <Text variant="body-large">
                Runs {describeSchedule(job.schedule)}; SLA {sla}.
              </Text>
              <Text
                variant="body-small"
                color="secondary"
                data-testid="freshness"
              >
                {details.loading ? 'Updating…' : freshness}
              </Text>
            </Flex>
            <JobActionButtons job={job} actions={actions} size="medium" />
          </Flex>
        </CardBody>
      </Card>
      {actions.refusal && (
        <JobActionRefusal
          refusal={actions.refusal}
          onDismiss={actions.dismissRefusal}
        />
      )}
      {details.error && (
        <Alert
          status="warning"
          icon
          title="Could not refresh; showing the last figures"
          description={serverMessage(details.error)}
        />
      )}
      <JobRunStats job={job} runs={runs} now={fetchedAt} />
      <Grid.Root columns={{ initial: '1', lg: '2' }} gap="4">
        <JobLifecycleCard health={value.health} />
        <JobRecommendations
          recommendations={value.health.recommendations}
          runs={runs}
        />
      </Grid.Root>
      <JobEstimateCard
        jobId={job.id}
        refreshKey={runs
          .filter(run => run.finishedAt)
          .map(run => run.id)
          .join()}
      />
      <Grid.Root columns={{ initial: '1', lg: '3' }} gap="4">
        <Grid.Item colSpan={{ initial: '1', lg: '2' }}>
          <Card style={{ height: '100%' }}>
            <CardHeader>
              <SectionTitle
                title="Run duration against the SLA"
                subtitle={`The last ${CHARTED_RUNS} finished runs at most; red bars missed the SLA.`}
              />
            </CardHeader>
            <CardBody>
              <RunDurationChart
                points={points}
                slaMinutes={job.estimates.slaMinutes}
                expectedMinutes={job.estimates.expectedDurationMinutes}
              />
            </CardBody>
          </Card>
        </Grid.Item>
        <Card style={{ height: '100%' }}>
          <CardHeader>
            <SectionTitle
              title="Next runs"
              subtitle="Runs queued or under way, then the schedule's next times."
            />
          </CardHeader>
          <CardBody>
            <UpcomingRuns
              job={job}
              runs={runs}
              now={fetchedAt}
              actions={actions}
            />
          </CardBody>
        </Card>
      </Grid.Root>
      <Card>
        <CardHeader>
          <SectionTitle
            title="Run history"
            subtitle={
              totalRuns > runs.length
                ? `The latest ${runs.length} of ${formatNumber(
                    totalRuns,
                    0,
                  )} runs, newest first; the SLA is ${sla}.`
                : `Every run of this job, newest first; the SLA is ${sla}.`
            }
          />
        </CardHeader>
        <CardBody>
          <RunHistoryTable
            job={job}
            runs={runs}
            now={fetchedAt}
            actions={actions}
          />
        </CardBody>
      </Card>
      <Grid.Root columns={{ initial: '1', lg: '3' }} gap="4">
        <Grid.Item colSpan={{ initial: '1', lg: '2' }}>
          <Card style={{ height: '100%' }}>
            <CardHeader>
              <SectionTitle
                title="Configuration"
                subtitle="As the ingestion service runs it. Credentials stay in their secrets."
              />
            </CardHeader>
            <CardBody>
              <JobConfiguration job={job} namespace={namespace} />
            </CardBody>
          </Card>
        </Grid.Item>
        <Card style={{ height: '100%' }}>
          <CardHeader>
            <Flex justify="between" align="start" gap="3">
              <SectionTitle
                title="Data per run"
                subtitle="Read from the source, written to the lake."
              />
              <VolumeMeasureToggle measure={measure} onChange={setMeasure} />
            </Flex>
          </CardHeader>
          <CardBody>
            <RunVolumeChart points={points} measure={measure} />
          </CardBody>
        </Card>
      </Grid.Root>
    </Flex>
  );
};

/**
 * The "Ingestion" tab of an ingestion-job entity: the job's configuration (from the ingestion API, without
 * secrets), its next runs, run history with metrics and SLA outcomes, charts, and Run now / Cancel /
 * Pause-Resume.
 */
export const JobIngestionTab = () => {
  const { entity } = useEntity();
  const jobId = entity.metadata.annotations?.[ANNOTATION_INGESTION_JOB_ID];
  return (
    <Container>
      {jobId ? (
        <JobIngestionDetails jobId={jobId} />
      ) : (
        <MissingAnnotationEmptyState annotation={ANNOTATION_INGESTION_JOB_ID} />
      )}
    </Container>
  );
};
