import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Change the Spark Unit registry (platform admins only).
 *
 * @public
 */
export const ingestionRegistryUpdatePermission = createPermission({
  name: 'ingestion.registry.update',
  attributes: { action: 'update' },
});

/**
 * Credit or debit a tenant's vCPU-hours by hand, with a note (platform admins only).
 *
 * @public
 */
export const ingestionLedgerAdjustPermission = createPermission({
  name: 'ingestion.ledger.adjust',
  attributes: { action: 'update' },
});

/**
 * Promote a draft job to production, or send a production job back to draft, by hand (platform admins only).
 *
 * @public
 */
export const ingestionJobLifecyclePermission = createPermission({
  name: 'ingestion.job.lifecycle',
  attributes: { action: 'update' },
});

/**
 * The resource type of a tenant in permission requests: its `resourceRef` is the tenant's group entity ref.
 *
 * @public
 */
export const INGESTION_TENANT_RESOURCE_TYPE = 'ingestion-tenant';

/**
 * Group `spec.type` of a tenant's admin group: a child group of the tenant (`spec.parent`) whose members, besides
 * being tenant members, may buy capacity for it.
 *
 * @public
 */
export const TENANT_ADMINS_GROUP_TYPE = 'tenant-admins';

/**
 * Name of the ingestion plugin's permission rule on tenants: true when one of the `claims` (a user's ownership
 * refs) is an admin group of the tenant. Policies answer the purchase permission with a condition on it.
 *
 * @public
 */
export const IS_TENANT_ADMIN_RULE = 'IS_TENANT_ADMIN';

/**
 * Buy Dedicated Ingestion Units or vCPU-hours for a tenant (its tenant admins and platform admins).
 *
 * @public
 */
export const ingestionCapacityPurchasePermission = createPermission({
  name: 'ingestion.capacity.purchase',
  attributes: { action: 'create' },
  resourceType: INGESTION_TENANT_RESOURCE_TYPE,
});

/**
 * Read the capacity history, forecasts, purchase advice and every tenant's trend (platform admins only; a tenant
 * reads its own trend without it).
 *
 * @public
 */
export const ingestionForecastReadPermission = createPermission({
  name: 'ingestion.forecast.read',
  attributes: { action: 'read' },
});

/**
 * Read capacity utilisation across namespaces and tenants, and the lending audit (platform admins only).
 *
 * @public
 */
export const ingestionLendingReadPermission = createPermission({
  name: 'ingestion.lending.read',
  attributes: { action: 'read' },
});

/**
 * Register and revoke the OAuth 2.0 clients other systems call the API with (platform admins only).
 *
 * @public
 */
export const ingestionApiClientManagePermission = createPermission({
  name: 'ingestion.apiClients.manage',
  attributes: { action: 'update' },
});

/** Permissions reserved to platform admins. @public */
export const ingestionAdminPermissions = [
  ingestionRegistryUpdatePermission,
  ingestionLedgerAdjustPermission,
  ingestionJobLifecyclePermission,
  ingestionForecastReadPermission,
  ingestionLendingReadPermission,
  ingestionApiClientManagePermission,
];

/** @public */
export const ingestionPermissions = [
  ...ingestionAdminPermissions,
  ingestionCapacityPurchasePermission,
];
