import { Select, Text } from '@backstage/ui';
import { formatEntityRef } from '../../lib/format';

/** Which tenant the page shows: a picker when the caller belongs to several, the tenant's name otherwise. */
export const TenantPicker = (props: {
  tenants: string[];
  tenant: string;
  onChange(tenant: string): void;
}) => {
  const { tenants, tenant, onChange } = props;
  if (tenants.length <= 1) {
    return (
      <Text variant="body-large" data-testid="current-tenant">
        Tenant <strong>{formatEntityRef(tenant)}</strong>
      </Text>
    );
  }
  return (
    <div style={{ minWidth: 260 }}>
      <Select
        label="Tenant"
        options={tenants.map(t => ({ value: t, label: formatEntityRef(t) }))}
        value={tenant}
        onChange={key => {
          if (typeof key === 'string') onChange(key);
        }}
      />
    </div>
  );
};
