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
  Link,
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

/**
 * A cell of one or two lines that wrap rather than cut off (job names, paths and schedules are long): a first
 * line (text, or any element) and a secondary second line.
 */
const TwoLineCell = (props: { first: ReactNode; second?: string }) => (
  <Cell>
    <Flex
      direction="column"
      gap="1"
      align="start"
      style={{ minWidth: 0, overflowWrap: 'anywhere' }}
    >
      {typeof props.first === 'string' ? (
        <Text variant="body-medium">{props.first}</Text>
      ) : (
        props.first
      )}
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
  if (!run) return <CellText title="Never" color="secondary" />;
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
    <TwoLineCell
      first={formatDayAndTime(row.nextRunAt, now)}
      second={formatRelative(row.nextRunAt, now)}
    />
  );
};

/**
 * The jobs of the Jobs page, one row each: name (to its catalog entity) and description, tenant (when the caller
 * sees several), source and target, schedule, status and lifecycle, pool and namespace, next and last run, and the actions.
 */
export const JobsTable = (props: {
  rows: JobRow[] | undefined;
  loading: boolean;
  now: number;
  pagination: TablePaginationType;
  namespaceOf(tier: NamespaceTier): string;
  /** Whether to show each job's tenant: for callers who see more than one tenant's jobs. */
  showTenant: boolean;
  actions: JobActions;
  emptyState: ReactNode;
}) => {
  const { rows, loading, now, pagination, namespaceOf, showTenant, actions } =
    props;
  const entityLink = useEntityRefLink();

  const columns = useMemo<ColumnConfig<JobRow>[]>(
    () => [
      {
        id: 'name',
        label: 'Job',
        isRowHeader: true,
        defaultWidth: '1.5fr',
        cell: job => (
          <TwoLineCell
            first={
              <Link href={entityLink(ingestionJobEntityRef(job))} weight="bold">
                {job.name}
              </Link>
            }
            second={job.description}
          />
        ),
      },
      {
        id: 'tenant',
        label: 'Tenant',
        defaultWidth: '0.9fr',
        isHidden: !showTenant,
        cell: job => <TwoLineCell first={formatEntityRef(job.tenant)} />,
      },
      {
        id: 'flow',
        label: 'Source → target',
        defaultWidth: '1.7fr',
        cell: job => (
          <TwoLineCell
            first={`${SOURCE_TYPE_LABELS[job.source.type]} → ${
              TARGET_TYPE_LABELS[job.target.type]
            }`}
            second={`${sourceLocation(job.source)} → ${job.target.path}`}
          />
        ),
      },
      {
        id: 'schedule',
        label: 'Schedule',
        defaultWidth: '1.2fr',
        cell: job => (
          <TwoLineCell
            first={describeSchedule(job.schedule)}
            second={
              job.schedule.type === 'cron' ? job.schedule.expression : undefined
            }
          />
        ),
      },
      {
        id: 'status',
        label: 'Status',
        defaultWidth: 100,
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
        defaultWidth: '1fr',
        cell: job => (
          <TwoLineCell
            first={POOL_LABELS[job.pool]}
            second={namespaceOf(job.tier)}
          />
        ),
      },
      {
        id: 'next',
        label: 'Next run',
        defaultWidth: '1fr',
        cell: job => nextRunCell(job, now),
      },
      {
        id: 'last',
        label: 'Last run',
        defaultWidth: 110,
        cell: job => lastRunCell(job, now),
      },
      {
        id: 'actions',
        label: 'Actions',
        defaultWidth: 172,
        cell: job => (
          <Cell>
            <JobActionButtons job={job} actions={actions} compact />
          </Cell>
        ),
      },
    ],
    [entityLink, now, namespaceOf, actions, showTenant],
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
