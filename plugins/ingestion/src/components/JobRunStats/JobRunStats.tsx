import {
  IngestionJob,
  IngestionRun,
} from '@internal/backstage-plugin-ingestion-common';
import { Flex, Grid, Text } from '@backstage/ui';
import {
  formatDayName,
  formatDuration,
  formatNumber,
  formatRelative,
  formatTime,
} from '../../lib/format';
import { runDurationMs, slaCompliance } from '../../lib/runSla';
import { upcomingRuns } from '../../lib/upcomingRuns';
import { RunStateBadge } from '../RunStateBadge';
import { StatCard } from '../StatCard';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
};

const Detail = (props: { children: string }) => (
  <Text variant="body-medium" color="secondary">
    {props.children}
  </Text>
);

/** A job at a glance, from its latest runs: SLA compliance, typical duration, the last run and the next one. */
export const JobRunStats = (props: {
  job: IngestionJob;
  runs: IngestionRun[];
  now: number;
}) => {
  const { job, runs, now } = props;
  const { slaMinutes, expectedDurationMinutes } = job.estimates;
  const compliance = slaCompliance(runs);
  const durations = runs
    .filter(run => run.state === 'succeeded')
    .map(runDurationMs)
    .filter((d): d is number => d !== undefined);
  const last = runs[0];
  const next =
    job.status === 'active' ? upcomingRuns(job.schedule, now, 1)[0] : undefined;
  let nextDetail = 'The schedule has no upcoming run.';
  if (job.status === 'paused') {
    nextDetail = 'Paused: resume the job to schedule runs again.';
  } else if (next !== undefined) {
    nextDetail = formatRelative(next, now);
  }

  return (
    <Grid.Root columns={{ initial: '1', sm: '2', lg: '4' }} gap="4">
      <StatCard
        label="SLA compliance"
        value={
          compliance.rate === undefined
            ? '—'
            : `${formatNumber(100 * compliance.rate, 0)}%`
        }
        unit={
          compliance.judged
            ? `of ${compliance.judged} ${
                compliance.judged === 1 ? 'run' : 'runs'
              }`
            : undefined
        }
        data-testid="sla-compliance"
      >
        <Detail>
          {compliance.judged
            ? `${compliance.met} finished within ${slaMinutes} min; failed runs count as missed.`
            : `No finished runs yet to hold against the ${slaMinutes}-minute SLA.`}
        </Detail>
      </StatCard>
      <StatCard
        label="Typical duration"
        value={durations.length ? formatDuration(median(durations)) : '—'}
        data-testid="typical-duration"
      >
        <Detail>
          {`Median of ${durations.length} succeeded ${
            durations.length === 1 ? 'run' : 'runs'
          }; expected ${expectedDurationMinutes} min.`}
        </Detail>
      </StatCard>
      <StatCard
        label="Last run"
        value={last ? formatTime(last.startedAt ?? last.queuedAt) : '—'}
        unit={
          last ? formatDayName(last.startedAt ?? last.queuedAt, now) : undefined
        }
        data-testid="last-run"
      >
        {last ? (
          <Flex gap="2" align="center">
            <RunStateBadge state={last.state} />
            <Text variant="body-medium" color="secondary">
              {last.trigger === 'manual' ? 'Run now' : 'Scheduled'}
            </Text>
          </Flex>
        ) : (
          <Detail>
            It runs at the next scheduled time, or now with Run now.
          </Detail>
        )}
      </StatCard>
      <StatCard
        label="Next scheduled run"
        value={next === undefined ? '—' : formatTime(next)}
        unit={next === undefined ? undefined : formatDayName(next, now)}
        data-testid="next-run"
      >
        <Detail>{nextDetail}</Detail>
      </StatCard>
    </Grid.Root>
  );
};
