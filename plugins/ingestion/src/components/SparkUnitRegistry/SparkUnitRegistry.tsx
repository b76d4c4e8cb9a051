import {
  NamespaceAllocation,
  NamespaceTier,
  RegistrySnapshot,
} from '@internal/backstage-plugin-ingestion-common';
import {
  Button,
  Cell,
  CellText,
  ColumnConfig,
  Flex,
  Table,
  Text,
} from '@backstage/ui';
import { RiPencilLine } from '@remixicon/react';
import { useMemo } from 'react';
import {
  formatDateTime,
  formatEntityRef,
  formatGiB,
  formatNumber,
} from '../../lib/format';

/** What each namespace is for, in a few words. */
export const TIER_DESCRIPTIONS: Record<NamespaceTier, string> = {
  dedicated: 'Units reserved per tenant',
  'vcore-hours': 'Shared pool for vCPU-hours',
  draft: 'Profiling runs of new jobs',
};

type Row = {
  id: string;
  allocation?: NamespaceAllocation;
  namespace: string;
  sparkUnits: number;
  cores: number;
  memoryGiB: number;
};

/** A figure of the total row, in bold, with an optional line below. */
const TotalCell = (props: { children: string; description?: string }) => (
  <Cell>
    <Flex direction="column" gap="1">
      <Text weight="bold">{props.children}</Text>
      {props.description && (
        <Text variant="body-small" color="secondary">
          {props.description}
        </Text>
      )}
    </Flex>
  </Cell>
);

/** Who changed an allocation: a user by name; the backend's own seeding from app-config as such. */
const changedBy = (updatedBy?: string) => {
  if (!updatedBy) return 'Unknown';
  if (updatedBy === 'config') return 'app-config';
  return formatEntityRef(updatedBy);
};

const lastChanged = (a?: NamespaceAllocation) => {
  if (!a) return <CellText title="" />;
  if (!a.updatedAt) {
    return <CellText title="Initial allocation" color="secondary" />;
  }
  return (
    <CellText
      title={changedBy(a.updatedBy)}
      description={formatDateTime(a.updatedAt)}
    />
  );
};

/** The column of edit buttons, for platform admins. */
const editColumn = (
  onEdit: (allocation: NamespaceAllocation) => void,
): ColumnConfig<Row> => ({
  id: 'edit',
  label: 'Change',
  defaultWidth: '1fr',
  cell: (r: Row) => (
    <Cell>
      {r.allocation && (
        <Button
          size="small"
          variant="secondary"
          iconStart={<RiPencilLine />}
          aria-label={`Change Spark Units of ${r.namespace}`}
          onPress={() => onEdit(r.allocation!)}
        >
          Edit
        </Button>
      )}
    </Cell>
  ),
});

/**
 * The Spark Unit registry: each namespace's Spark Units and the cores and memory they add up to, with a total
 * row (Ingestion Units = the sum of Spark Units). With `onEdit`, each namespace gets an edit button.
 */
export const SparkUnitRegistry = (props: {
  registry: RegistrySnapshot;
  onEdit?: (allocation: NamespaceAllocation) => void;
}) => {
  const { registry, onEdit } = props;
  const rows: Row[] = useMemo(
    () => [
      ...registry.namespaces.map(a => ({
        id: a.tier,
        allocation: a,
        namespace: a.namespace,
        sparkUnits: a.sparkUnits,
        cores: a.cores,
        memoryGiB: a.memoryGiB,
      })),
      {
        id: 'total',
        namespace: 'Total',
        sparkUnits: registry.totalIngestionUnits,
        cores: registry.totalCores,
        memoryGiB: registry.totalMemoryGiB,
      },
    ],
    [registry],
  );

  const columns: ColumnConfig<Row>[] = [
    {
      id: 'namespace',
      label: 'Namespace',
      isRowHeader: true,
      defaultWidth: '2.2fr',
      cell: r =>
        r.allocation ? (
          <CellText
            title={r.namespace}
            description={TIER_DESCRIPTIONS[r.allocation.tier]}
          />
        ) : (
          <TotalCell description="Ingestion Units: the sum of Spark Units">
            Total
          </TotalCell>
        ),
    },
    {
      id: 'tier',
      label: 'Tier',
      defaultWidth: '1fr',
      cell: r => <CellText title={r.allocation?.tier ?? ''} />,
    },
    {
      id: 'sparkUnits',
      label: 'Spark Units',
      defaultWidth: '1fr',
      cell: r =>
        r.allocation ? (
          <CellText title={formatNumber(r.sparkUnits, 0)} />
        ) : (
          <TotalCell>{formatNumber(r.sparkUnits, 0)}</TotalCell>
        ),
    },
    {
      id: 'cores',
      label: 'Cores',
      defaultWidth: '0.8fr',
      cell: r =>
        r.allocation ? (
          <CellText title={formatNumber(r.cores, 0)} />
        ) : (
          <TotalCell>{formatNumber(r.cores, 0)}</TotalCell>
        ),
    },
    {
      id: 'memory',
      label: 'Memory',
      defaultWidth: '0.9fr',
      cell: r =>
        r.allocation ? (
          <CellText title={formatGiB(r.memoryGiB)} />
        ) : (
          <TotalCell>{formatGiB(r.memoryGiB)}</TotalCell>
        ),
    },
    {
      id: 'updated',
      label: 'Last changed',
      defaultWidth: '1.7fr',
      cell: r => lastChanged(r.allocation),
    },
    ...(onEdit ? [editColumn(onEdit)] : []),
  ];

  return (
    <Table columnConfig={columns} data={rows} pagination={{ type: 'none' }} />
  );
};
