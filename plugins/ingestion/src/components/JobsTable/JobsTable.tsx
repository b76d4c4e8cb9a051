import {
  IngestionJob,
  IngestionRun,
  ingestionJobEntityRef,
  NamespaceTier,
} from '@internal/backstage-plugin-ingestion-common';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Cell,
  CellText,
  ColumnConfig,
  Flex,
  Table,
  TablePaginationType,
  Text,
} from '@backstage/ui';
import { ReactNode, useMemo } from 'react';
import { describeSchedule } from '../../lib/describeSchedule';
import {
  formatDayAndTime,
  formatEntityRef,
  formatRelative,
} from '../../lib/format';
import {
  JOB_STATUS_LABELS,
  LIFECYCLE_LABELS,
  POOL_LABELS,
  sourceLocation,
  SOURCE_TYPE_LABELS,
  TARGET_TYPE_LABELS,
  TIER_LABELS,
} from '../../lib/jobLabels';
import { JobActions } from '../../hooks/useJobActions';
import { JobActionButtons } from '../JobActionButtons';
import { RunStateBadge } from '../RunStateBadge';
import { StatusPill } from '../StatusPill';

/** A job as the Jobs table shows it: with its latest run and, while active, when it runs next. */
export interface JobRow extends IngestionJob {
  lastRun?: IngestionRun;
  nextRunAt?: number;
}

/** A cell with a free-form first line and a secondary second line. */
const TwoLineCell = (props: { first: ReactNode; second?: string }) => (
  <Cell>
    <Flex direction="column" gap="1" align="start">
      {props.first}
      {props.second && (
        <Text variant="body-small" color="secondary">
          {props.second}
        </Text>
      )}
    </Flex>
  </Cell>
);

const lastRunCell = (row: JobRow, now: number) => {
  const run = row.lastRun;
  if (!run) return <CellText title="Never run" color="secondary" />;
  const at = run.finishedAt ?? run.startedAt ?? run.queuedAt;
  return (
    <TwoLineCell
      first={<RunStateBadge state={run.state} />}
      second={formatRelative(at, now)}
    />
  );
};

const nextRunCell = (row: JobRow, now: number) => {
  if (row.status === 'paused') {
    return <CellText title="Paused" color="secondary" />;
  }
  if (row.nextRunAt === undefined) return <CellText title="—" />;
  return (
    <CellText
      title={formatDayAndTime(row.nextRunAt, now)}
      description={formatRelative(row.nextRunAt, now)}
    />
  );
};

/**
 * The jobs of the Jobs page, one row each: name (to its catalog entity), tenant, source and target, schedule,
 * status and lifecycle, pool and namespace, next and last run, and the actions.
 */
export const JobsTable = (props: {
  rows: JobRow[] | undefined;
  loading: boolean;
  now: number;
  pagination: TablePaginationType;
  namespaceOf(tier: NamespaceTier): string;
  actions: JobActions;
  emptyState: ReactNode;
}) => {
  const { rows, loading, now, pagination, namespaceOf, actions } = props;
  const entityLink = useEntityRefLink();

  const columns = useMemo<ColumnConfig<JobRow>[]>(
    () => [
      {
        id: 'name',
        label: 'Job',
        isRowHeader: true,
        defaultWidth: '2fr',
        cell: job => (
          <CellText
            title={job.name}
            href={entityLink(ingestionJobEntityRef(job))}
            description={job.description}
          />
        ),
      },
      {
        id: 'tenant',
        label: 'Tenant',
        cell: job => <CellText title={formatEntityRef(job.tenant)} />,
      },
      {
        id: 'flow',
        label: 'Source → target',
        defaultWidth: '2fr',
        cell: job => (
          <CellText
            title={`${SOURCE_TYPE_LABELS[job.source.type]} → ${
              TARGET_TYPE_LABELS[job.target.type]
            }`}
            description={`${sourceLocation(job.source)} → ${job.target.path}`}
          />
        ),
      },
      {
        id: 'schedule',
        label: 'Schedule',
        defaultWidth: '1.5fr',
        cell: job => (
          <CellText
            title={describeSchedule(job.schedule)}
            description={
              job.schedule.type === 'cron' ? job.schedule.expression : undefined
            }
          />
        ),
      },
      {
        id: 'status',
        label: 'Status',
        cell: job => (
          <TwoLineCell
            first={
              <StatusPill
                tone={job.status === 'active' ? 'success' : 'warning'}
              >
                {JOB_STATUS_LABELS[job.status]}
              </StatusPill>
            }
            second={LIFECYCLE_LABELS[job.lifecycle]}
          />
        ),
      },
      {
        id: 'pool',
        label: 'Pool',
        cell: job => (
          <CellText
            title={POOL_LABELS[job.pool]}
            description={`${TIER_LABELS[job.tier]} · ${namespaceOf(job.tier)}`}
          />
        ),
      },
      {
        id: 'next',
        label: 'Next run',
        cell: job => nextRunCell(job, now),
      },
      {
        id: 'last',
        label: 'Last run',
        cell: job => lastRunCell(job, now),
      },
      {
        id: 'actions',
        label: 'Actions',
        defaultWidth: 210,
        cell: job => (
          <Cell>
            <JobActionButtons job={job} actions={actions} />
          </Cell>
        ),
      },
    ],
    [entityLink, now, namespaceOf, actions],
  );

  return (
    <Table
      columnConfig={columns}
      data={rows}
      isPending={loading && !rows}
      isStale={loading && !!rows}
      pagination={pagination}
      emptyState={props.emptyState}
    />
  );
};
