import { useRouteRef } from '@backstage/frontend-plugin-api';
import { Alert, Link } from '@backstage/ui';
import { adminRouteRef } from '../../routes';

/** Shown instead of a tenant's capacity when the caller belongs to no tenant. */
export const NoTenantNotice = (props: { platformAdmin: boolean }) => {
  const adminLink = useRouteRef(adminRouteRef);
  if (props.platformAdmin) {
    return (
      <Alert
        status="info"
        icon
        title="You administer the platform but belong to no tenant"
        description={
          <>
            Capacity is bought and held by tenants, so there is no balance to
            show you here. Ask to join a tenant group to buy capacity for it, or
            manage the Spark Units behind all tenants on the{' '}
            {adminLink ? (
              <Link href={adminLink()}>Platform admin</Link>
            ) : (
              'Platform admin'
            )}{' '}
            page.
          </>
        }
      />
    );
  }
  return (
    <Alert
      status="info"
      icon
      title="You are not a member of any tenant"
      description="Capacity belongs to tenants: catalog groups of type tenant. Ask a tenant's admin to add you to their group, then come back here to see its balance and buy capacity."
    />
  );
};
