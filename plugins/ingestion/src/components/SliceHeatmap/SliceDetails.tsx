import {
  HeatmapSlice,
  IngestionJob,
  ingestionJobEntityRef,
} from '@internal/backstage-plugin-ingestion-common';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import { CellText, ColumnConfig, Flex, Table, Text } from '@backstage/ui';
import { useMemo } from 'react';
import {
  formatDayAndTime,
  formatEntityRef,
  formatMiB,
  formatNumber,
  formatTime,
} from '../../lib/format';
import { StatusPill, StatusTone } from '../StatusPill';
import { SLICE_LEVELS, SliceLevel, sliceLevel } from './sliceLevel';

type JobInSlice = HeatmapSlice['jobs'][number] & { id: string };

const LEVEL_TONES: Record<SliceLevel, StatusTone> = {
  idle: 'neutral',
  low: 'info',
  medium: 'info',
  high: 'info',
  busy: 'warning',
  full: 'warning',
  over: 'danger',
  'no-capacity': 'neutral',
};

/** The level in words: the named levels as such, the others as their percentage. */
function levelText(level: SliceLevel, utilisation: number): string {
  if (['idle', 'full', 'over', 'no-capacity'].includes(level)) {
    return SLICE_LEVELS[level].label;
  }
  return `${formatNumber(100 * utilisation, 0)}% committed`;
}

const share = (part: number, whole: number) =>
  whole > 0 ? ` (${formatNumber((100 * part) / whole, 0)}%)` : '';

/** A figure of the slice: what is committed of what the namespace holds. */
const Committed = (props: {
  label: string;
  committed: string;
  capacity: string;
  share: string;
}) => (
  <Flex direction="column" gap="1">
    <Text variant="body-small" color="secondary">
      {props.label}
    </Text>
    <Text variant="body-large" weight="bold">
      {props.committed}{' '}
      <Text as="span" variant="body-medium" color="secondary" weight="regular">
        of {props.capacity}
        {props.share}
      </Text>
    </Text>
  </Flex>
);

/**
 * One slice of a namespace: its window, cores and memory committed against capacity, and the jobs whose runs hold
 * it (names where the caller may see the job; others' jobs are hidden from tenants by the API).
 */
export const SliceDetails = (props: {
  namespace: string;
  slice: HeatmapSlice;
  sliceMinutes: number;
  jobs: Map<string, IngestionJob>;
  pinned: boolean;
  now: number;
}) => {
  const { namespace, slice, sliceMinutes, jobs, pinned, now } = props;
  const entityLink = useEntityRefLink();
  const level = sliceLevel(slice);
  const rows: JobInSlice[] = useMemo(
    () =>
      [...slice.jobs]
        .sort((a, b) => b.cores - a.cores)
        .map(job => ({ ...job, id: job.jobId })),
    [slice.jobs],
  );
  const columns = useMemo<ColumnConfig<JobInSlice>[]>(
    () => [
      {
        id: 'job',
        label: 'Job',
        isRowHeader: true,
        defaultWidth: '2fr',
        cell: row => {
          const job = jobs.get(row.jobId);
          return job ? (
            <CellText
              title={job.name}
              href={entityLink(ingestionJobEntityRef(job))}
            />
          ) : (
            <CellText title={row.jobId} color="secondary" />
          );
        },
      },
      {
        id: 'tenant',
        label: 'Tenant',
        cell: row => <CellText title={formatEntityRef(row.tenant)} />,
      },
      {
        id: 'runs',
        label: 'Runs',
        cell: row => <CellText title={formatNumber(row.runs, 0)} />,
      },
      {
        id: 'cores',
        label: 'Cores',
        cell: row => <CellText title={formatNumber(row.cores)} />,
      },
      {
        id: 'memory',
        label: 'Memory',
        cell: row => <CellText title={formatMiB(row.memoryMiB)} />,
      },
    ],
    [jobs, entityLink],
  );

  const hidden = slice.committedCores > 0 && rows.length === 0;
  return (
    <Flex direction="column" gap="3" data-testid="slice-details">
      <Flex
        justify="between"
        align="center"
        gap="3"
        style={{ flexWrap: 'wrap' }}
      >
        <Flex direction="column" gap="1">
          <Text variant="title-x-small" weight="bold">
            {namespace} · {formatDayAndTime(slice.sliceStart, now)}–
            {formatTime(Date.parse(slice.sliceStart) + sliceMinutes * 60_000)}
          </Text>
          <Text variant="body-small" color="secondary">
            {pinned
              ? 'Pinned: click another slice to change, or hover to preview.'
              : 'Click the slice to keep it here.'}
          </Text>
        </Flex>
        <StatusPill tone={LEVEL_TONES[level]}>
          {levelText(level, slice.utilisation)}
        </StatusPill>
      </Flex>
      <Flex gap="6" style={{ flexWrap: 'wrap' }}>
        <Committed
          label="Cores"
          committed={formatNumber(slice.committedCores)}
          capacity={formatNumber(slice.capacityCores)}
          share={share(slice.committedCores, slice.capacityCores)}
        />
        <Committed
          label="Memory"
          committed={formatMiB(slice.committedMemoryMiB)}
          capacity={formatMiB(slice.capacityMemoryMiB)}
          share={share(slice.committedMemoryMiB, slice.capacityMemoryMiB)}
        />
      </Flex>
      {rows.length > 0 && (
        <Table
          columnConfig={columns}
          data={rows}
          pagination={{ type: 'none' }}
        />
      )}
      {rows.length === 0 && (
        <Text color="secondary">
          {hidden
            ? 'Held by runs of other tenants’ jobs, which only platform admins see.'
            : 'Nothing is scheduled in this slice.'}
        </Text>
      )}
    </Flex>
  );
};
