import { TenantTrend } from '@internal/backstage-plugin-ingestion-common';
import { CellText, ColumnConfig, Table, Text } from '@backstage/ui';
import { formatEntityRef, formatNumber } from '../../lib/format';

type Row = TenantTrend & { id: string };

/** "+24.5%", "-3.0%", or "new" for a tenant with nothing in the previous 30 days. */
export function formatGrowth(rate?: number): string {
  if (rate === undefined) return 'new';
  const percent = formatNumber(rate * 100, 1);
  return rate > 0 ? `+${percent}%` : `${percent}%`;
}

/** Each tenant's core-hours over the rolling 30 days against the 30 before, its growth rate and daily trend. */
export const TenantTrendsTable = (props: { tenants: TenantTrend[] }) => {
  const columns: ColumnConfig<Row>[] = [
    {
      id: 'tenant',
      label: 'Tenant',
      isRowHeader: true,
      defaultWidth: '2fr',
      cell: r => <CellText title={formatEntityRef(r.tenant)} />,
    },
    {
      id: 'last30',
      label: 'Last 30 days',
      defaultWidth: '1.2fr',
      cell: r => (
        <CellText title={`${formatNumber(r.last30DaysCoreHours, 0)} core-h`} />
      ),
    },
    {
      id: 'previous30',
      label: 'Previous 30 days',
      defaultWidth: '1.2fr',
      cell: r => (
        <CellText
          title={`${formatNumber(r.previous30DaysCoreHours, 0)} core-h`}
        />
      ),
    },
    {
      id: 'growth',
      label: 'Growth',
      defaultWidth: '1fr',
      cell: r => <CellText title={formatGrowth(r.growthRate)} />,
    },
    {
      id: 'trend',
      label: 'Trend',
      defaultWidth: '1.3fr',
      cell: r => (
        <CellText
          title={`${r.trendCoreHoursPerDay >= 0 ? '+' : ''}${formatNumber(
            r.trendCoreHoursPerDay,
            2,
          )} core-h/day`}
          description="per day, last 30 days"
        />
      ),
    },
  ];
  return (
    <Table
      columnConfig={columns}
      data={props.tenants.map(t => ({ ...t, id: t.tenant }))}
      pagination={{ type: 'none' }}
      emptyState={<Text color="secondary">No consumption recorded yet.</Text>}
    />
  );
};
