import {
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  INGESTION_TENANT_RESOURCE_TYPE,
  IS_TENANT_ADMIN_RULE,
} from '@internal/backstage-plugin-ingestion-common';
import { z } from 'zod';

/** A tenant as permission rules see it: its group ref and the refs of its admin groups. */
export interface TenantResource {
  ref: string;
  adminGroups: string[];
}

/** Tenants are resources of this plugin in permission requests (`resourceRef` = the tenant's group ref). */
export const tenantResourceRef = createPermissionResourceRef<
  TenantResource,
  { adminGroupIn: string[] }
>().with({
  pluginId: 'ingestion',
  resourceType: INGESTION_TENANT_RESOURCE_TYPE,
});

/** True when one of the claims (a user's ownership refs) is an admin group of the tenant. */
export const isTenantAdminRule = createPermissionRule({
  name: IS_TENANT_ADMIN_RULE,
  description: 'Allow members of one of the tenant’s tenant-admins groups',
  resourceRef: tenantResourceRef,
  paramsSchema: z.object({
    claims: z.array(z.string()).describe('The user’s ownership entity refs'),
  }),
  apply: (tenant, { claims }) =>
    tenant.adminGroups.some(group => claims.includes(group)),
  toQuery: ({ claims }) => ({ adminGroupIn: claims }),
});
