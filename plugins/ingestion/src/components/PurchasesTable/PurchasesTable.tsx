import { Purchase } from '@internal/backstage-plugin-ingestion-common';
import { CellText, ColumnConfig, Table, Text, useTable } from '@backstage/ui';
import { useMemo } from 'react';
import {
  formatDate,
  formatDateTime,
  formatEntityRef,
  formatQuantity,
  PERIOD_LABELS,
  UNIT_TYPE_LABELS,
} from '../../lib/format';
import { validityStatus } from '../../lib/validity';

const STATUS_LABELS = {
  active: 'Active',
  expired: 'Expired',
  scheduled: 'Starts later',
} as const;

const PAGE_SIZE = 10;

type Row = Purchase & { status: keyof typeof STATUS_LABELS };

const columns: ColumnConfig<Row>[] = [
  {
    id: 'type',
    label: 'Type',
    isRowHeader: true,
    cell: p => <CellText title={UNIT_TYPE_LABELS[p.unitType]} />,
  },
  {
    id: 'quantity',
    label: 'Quantity',
    cell: p => <CellText title={formatQuantity(p.unitType, p.quantity)} />,
  },
  {
    id: 'validity',
    label: 'Validity',
    cell: p => (
      <CellText
        title={`${PERIOD_LABELS[p.period]} · ${STATUS_LABELS[p.status]}`}
        color={p.status === 'expired' ? 'secondary' : 'primary'}
        description={`${formatDate(p.validFrom)} – ${formatDate(p.validUntil)}`}
      />
    ),
  },
  {
    id: 'purchasedBy',
    label: 'Bought by',
    cell: p => <CellText title={formatEntityRef(p.purchasedBy)} />,
  },
  {
    id: 'purchasedAt',
    label: 'When',
    cell: p => <CellText title={formatDateTime(p.purchasedAt)} />,
  },
];

/** Every purchase of the tenant, newest first, with whether it is still valid. */
export const PurchasesTable = (props: {
  purchases: Purchase[];
  now: number;
}) => {
  const { purchases, now } = props;
  const rows = useMemo(
    () =>
      [...purchases]
        .sort((a, b) => b.purchasedAt.localeCompare(a.purchasedAt))
        .map(p => ({
          ...p,
          status: validityStatus(p.validFrom, p.validUntil, now),
        })),
    [purchases, now],
  );
  const { tableProps } = useTable<Row>({
    mode: 'complete',
    data: rows,
    paginationOptions: { pageSize: PAGE_SIZE },
  });
  // One page needs no pagination controls.
  const paging =
    rows.length <= PAGE_SIZE
      ? { data: rows, pagination: { type: 'none' as const } }
      : {};
  return (
    <Table
      {...tableProps}
      {...paging}
      columnConfig={columns}
      emptyState={
        <Text color="secondary">
          No purchases yet. Buy vCPU-hours or Dedicated Ingestion Units with the
          form above.
        </Text>
      }
    />
  );
};
