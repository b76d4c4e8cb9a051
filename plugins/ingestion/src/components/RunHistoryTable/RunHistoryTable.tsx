import {
  IngestionJob,
  IngestionRun,
} from '@internal/backstage-plugin-ingestion-common';
import {
  Cell,
  CellText,
  ColumnConfig,
  Flex,
  Table,
  Text,
  useTable,
} from '@backstage/ui';
import { useMemo } from 'react';
import { JobActions } from '../../hooks/useJobActions';
import {
  formatBytes,
  formatCompact,
  formatDayAndTime,
  formatDuration,
  formatMiB,
  formatNumber,
  formatTime,
} from '../../lib/format';
import { isRunActive } from '../../lib/runStates';
import { runDurationMs, slaOutcome } from '../../lib/runSla';
import { RunCancelButton } from '../RunCancelButton';
import { RunStateBadge } from '../RunStateBadge';
import { StatusPill } from '../StatusPill';

const PAGE_SIZE = 10;
const NONE = <CellText title="—" color="secondary" />;

/** "Queued 02:00 · started 02:01 · finished 02:19": the moments a run has reached. */
function timeline(run: IngestionRun): string {
  const steps = [`queued ${formatTime(run.queuedAt)}`];
  if (run.startedAt) steps.push(`started ${formatTime(run.startedAt)}`);
  if (run.finishedAt) steps.push(`finished ${formatTime(run.finishedAt)}`);
  const text = steps.join(' · ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function slaCell(run: IngestionRun, slaMinutes: number) {
  const outcome = slaOutcome(run);
  if (!outcome) return NONE;
  const over =
    run.slaOverrun !== undefined
      ? run.slaOverrun * slaMinutes * 60_000
      : undefined;
  let detail = run.state === 'failed' ? 'failed' : undefined;
  if (over !== undefined && over > 0) detail = `${formatDuration(over)} over`;
  return (
    <Cell>
      <Flex direction="column" gap="1" align="start">
        <StatusPill tone={outcome === 'met' ? 'success' : 'danger'}>
          {outcome === 'met' ? 'Met' : 'Missed'}
        </StatusPill>
        {detail && (
          <Text variant="body-small" color="secondary">
            {detail}
          </Text>
        )}
      </Flex>
    </Cell>
  );
}

/** CPU time against what the allocated cores could have done over the run: how well the allocation was used. */
function cpuCell(run: IngestionRun) {
  const metrics = run.metrics;
  if (!metrics) return NONE;
  const capacityMs = run.allocatedCores * metrics.durationMs;
  return (
    <CellText
      title={formatDuration(metrics.cpuTimeMs)}
      description={
        capacityMs > 0
          ? `${formatNumber(
              (100 * metrics.cpuTimeMs) / capacityMs,
              0,
            )}% of ${formatNumber(run.allocatedCores)} cores`
          : undefined
      }
    />
  );
}

/**
 * A job's runs, newest first: state and trigger, when, duration and SLA outcome against `estimates.slaMinutes`,
 * rows and bytes in and out, CPU time and peak memory against the allocation, the failure message, and Cancel for
 * runs still queued or under way.
 */
export const RunHistoryTable = (props: {
  job: IngestionJob;
  runs: IngestionRun[];
  now: number;
  actions: JobActions;
}) => {
  const { job, runs, now, actions } = props;
  const slaMinutes = job.estimates.slaMinutes;

  const columns = useMemo<ColumnConfig<IngestionRun>[]>(
    () => [
      {
        id: 'state',
        label: 'Run',
        isRowHeader: true,
        defaultWidth: 120,
        cell: run => (
          <Cell>
            <Flex direction="column" gap="1" align="start">
              <RunStateBadge state={run.state} />
              <Text variant="body-small" color="secondary">
                {run.trigger === 'manual' ? 'Run now' : 'Scheduled'}
                {run.opportunistic ? ' · opportunistic' : ''}
              </Text>
            </Flex>
          </Cell>
        ),
      },
      {
        id: 'when',
        label: 'When',
        defaultWidth: '1.5fr',
        cell: run => (
          <CellText
            title={formatDayAndTime(run.startedAt ?? run.queuedAt, now)}
            description={timeline(run)}
          />
        ),
      },
      {
        id: 'duration',
        label: 'Duration',
        defaultWidth: 110,
        cell: run => {
          const duration = runDurationMs(run);
          return duration === undefined ? (
            NONE
          ) : (
            <CellText title={formatDuration(duration)} />
          );
        },
      },
      {
        id: 'sla',
        label: 'SLA',
        defaultWidth: 110,
        cell: run => slaCell(run, slaMinutes),
      },
      {
        id: 'rows',
        label: 'Rows in → out',
        defaultWidth: '1.4fr',
        cell: run =>
          run.metrics ? (
            <CellText
              title={`${formatCompact(run.metrics.recordsIn)} → ${formatCompact(
                run.metrics.recordsOut,
              )}`}
              description={`${formatBytes(run.metrics.bytesIn)} → ${formatBytes(
                run.metrics.bytesOut,
              )}`}
            />
          ) : (
            NONE
          ),
      },
      {
        id: 'cpu',
        label: 'CPU time',
        defaultWidth: '1.1fr',
        cell: cpuCell,
      },
      {
        id: 'memory',
        label: 'Memory',
        defaultWidth: '1fr',
        cell: run =>
          run.metrics ? (
            <CellText
              title={formatBytes(run.metrics.peakMemoryBytes)}
              description={`peak, of ${formatMiB(run.allocatedMemoryMiB)}`}
            />
          ) : (
            NONE
          ),
      },
      {
        id: 'message',
        label: 'Message',
        defaultWidth: '1.6fr',
        cell: run =>
          run.message ? (
            <CellText
              title={run.message}
              color={run.state === 'failed' ? 'primary' : 'secondary'}
            />
          ) : (
            NONE
          ),
      },
      {
        id: 'cancel',
        label: '',
        defaultWidth: 110,
        cell: run =>
          isRunActive(run.state) ? (
            <Cell>
              <RunCancelButton job={job} run={run} actions={actions} />
            </Cell>
          ) : (
            <Cell />
          ),
      },
    ],
    [job, slaMinutes, now, actions],
  );

  const { tableProps } = useTable<IngestionRun>({
    mode: 'complete',
    data: runs,
    paginationOptions: { pageSize: PAGE_SIZE },
  });
  const paging =
    runs.length <= PAGE_SIZE
      ? { data: runs, pagination: { type: 'none' as const } }
      : {};
  return (
    <Table
      {...tableProps}
      {...paging}
      columnConfig={columns}
      emptyState={
        <Text color="secondary">
          No runs yet. The first one starts at the next scheduled time, or now
          with Run now.
        </Text>
      }
    />
  );
};
