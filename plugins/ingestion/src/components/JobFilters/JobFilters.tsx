import {
  CapacityPool,
  IngestionJob,
  JobLifecycle,
} from '@internal/backstage-plugin-ingestion-common';
import { Flex, SearchField, Select } from '@backstage/ui';
import { formatEntityRef } from '../../lib/format';
import {
  JOB_STATUS_LABELS,
  LIFECYCLE_LABELS,
  POOL_LABELS,
} from '../../lib/jobLabels';

/** The filters of the Jobs page, each one a query parameter of `GET /jobs`; unset means any. */
export interface JobFilter {
  tenant?: string;
  status?: IngestionJob['status'];
  lifecycle?: JobLifecycle;
  pool?: CapacityPool;
}

const ANY = 'any';

const optionsOf = (labels: Record<string, string>, anyLabel: string) => [
  { value: ANY, label: anyLabel },
  ...Object.entries(labels).map(([value, label]) => ({ value, label })),
];

/** One filter as a select whose first option, "any", clears it. */
const FilterSelect = <K extends keyof JobFilter>(props: {
  name: K;
  label: string;
  options: { value: string; label: string }[];
  filter: JobFilter;
  onChange(filter: JobFilter): void;
}) => {
  const { name, label, options, filter, onChange } = props;
  return (
    <div style={{ minWidth: 170 }}>
      <Select
        label={label}
        options={options}
        value={filter[name] ?? ANY}
        onChange={key => {
          if (typeof key !== 'string') return;
          onChange({
            ...filter,
            [name]: key === ANY ? undefined : (key as JobFilter[K]),
          });
        }}
      />
    </div>
  );
};

/** Tenant, status, lifecycle and pool filters and a name search, for the Jobs page. */
export const JobFilters = (props: {
  tenants: string[];
  filter: JobFilter;
  onFilterChange(filter: JobFilter): void;
  search: string;
  onSearchChange(search: string): void;
}) => {
  const { tenants, filter, onFilterChange, search, onSearchChange } = props;
  return (
    <Flex gap="3" align="end" style={{ flexWrap: 'wrap' }}>
      <div style={{ flex: '1 1 240px', maxWidth: 360 }}>
        <SearchField
          label="Search"
          placeholder="Job name"
          value={search}
          onChange={onSearchChange}
        />
      </div>
      {tenants.length > 1 && (
        <FilterSelect
          name="tenant"
          label="Tenant"
          options={[
            { value: ANY, label: 'All my tenants' },
            ...tenants.map(t => ({ value: t, label: formatEntityRef(t) })),
          ]}
          filter={filter}
          onChange={onFilterChange}
        />
      )}
      <FilterSelect
        name="status"
        label="Status"
        options={optionsOf(JOB_STATUS_LABELS, 'Any status')}
        filter={filter}
        onChange={onFilterChange}
      />
      <FilterSelect
        name="lifecycle"
        label="Lifecycle"
        options={optionsOf(LIFECYCLE_LABELS, 'Any lifecycle')}
        filter={filter}
        onChange={onFilterChange}
      />
      <FilterSelect
        name="pool"
        label="Pool"
        options={optionsOf(POOL_LABELS, 'Any pool')}
        filter={filter}
        onChange={onFilterChange}
      />
    </Flex>
  );
};
