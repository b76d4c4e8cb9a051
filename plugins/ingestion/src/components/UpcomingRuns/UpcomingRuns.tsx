import {
  IngestionJob,
  IngestionRun,
} from '@internal/backstage-plugin-ingestion-common';
import { Flex, Text } from '@backstage/ui';
import { ReactNode } from 'react';
import { JobActions } from '../../hooks/useJobActions';
import { describeSchedule } from '../../lib/describeSchedule';
import { formatDayAndTime, formatRelative, formatTime } from '../../lib/format';
import { isRunActive } from '../../lib/runStates';
import { upcomingRuns } from '../../lib/upcomingRuns';
import { RunCancelButton } from '../RunCancelButton';
import { RunStateBadge } from '../RunStateBadge';
import { StatusPill } from '../StatusPill';

const SCHEDULED_SHOWN = 5;

const Row = (props: {
  badge: ReactNode;
  title: string;
  detail?: string;
  action?: ReactNode;
}) => (
  <li
    style={{
      display: 'flex',
      alignItems: 'center',
      gap: 12,
      padding: '10px 0',
      borderBottom: '1px solid var(--bui-border-1)',
    }}
  >
    <div style={{ width: 96, flexShrink: 0 }}>{props.badge}</div>
    <Flex direction="column" gap="1" style={{ flex: 1, minWidth: 0 }}>
      <Text variant="body-medium">{props.title}</Text>
      {props.detail && (
        <Text variant="body-small" color="secondary">
          {props.detail}
        </Text>
      )}
    </Flex>
    {props.action}
  </li>
);

/** What an active run is doing, in words: "Running since 14:02", "Queued at 14:02". */
function activeRunTitle(run: IngestionRun, now: number): string {
  if (run.state === 'queued') {
    return run.estimatedStartAt
      ? `Expected to start ${formatDayAndTime(run.estimatedStartAt, now)}`
      : 'Waiting for room in its namespace';
  }
  return `${
    run.state === 'running' ? 'Running' : 'Submitted'
  } since ${formatTime(run.startedAt ?? run.queuedAt)}`;
}

function activeRunDetail(run: IngestionRun, now: number): string {
  const trigger = run.trigger === 'manual' ? 'Run now' : 'Scheduled';
  return `${trigger} · queued ${formatRelative(run.queuedAt, now)} · ${
    run.namespace
  }`;
}

/**
 * What comes next for a job: its runs already queued or under way, as the API reports them (with the slice
 * calendar's start estimate for queued ones, and a way to cancel), then the next occurrences of its schedule.
 */
export const UpcomingRuns = (props: {
  job: IngestionJob;
  runs: IngestionRun[];
  now: number;
  actions: JobActions;
}) => {
  const { job, runs, now, actions } = props;
  const active = runs
    .filter(run => isRunActive(run.state))
    .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  const scheduled =
    job.status === 'active'
      ? upcomingRuns(job.schedule, now, SCHEDULED_SHOWN)
      : [];

  return (
    <Flex direction="column" gap="2">
      <ul
        aria-label="Upcoming runs"
        style={{ listStyle: 'none', margin: 0, padding: 0 }}
      >
        {active.map(run => (
          <Row
            key={run.id}
            badge={<RunStateBadge state={run.state} />}
            title={activeRunTitle(run, now)}
            detail={activeRunDetail(run, now)}
            action={<RunCancelButton job={job} run={run} actions={actions} />}
          />
        ))}
        {scheduled.map(at => (
          <Row
            key={at}
            badge={<StatusPill tone="neutral">Scheduled</StatusPill>}
            title={formatDayAndTime(at, now)}
            detail={formatRelative(at, now)}
          />
        ))}
      </ul>
      {job.status === 'paused' ? (
        <Text variant="body-small" color="secondary">
          Paused: nothing is scheduled until the job is resumed.
        </Text>
      ) : (
        <Text variant="body-small" color="secondary">
          Runs {describeSchedule(job.schedule)}.
        </Text>
      )}
    </Flex>
  );
};
