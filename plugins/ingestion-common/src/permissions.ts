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
 * Read the capacity history, forecasts, purchase advice and every tenant's trend (platform admins only; a tenant
 * reads its own trend without it).
 *
 * @public
 */
export const ingestionForecastReadPermission = createPermission({
  name: 'ingestion.forecast.read',
  attributes: { action: 'read' },
});

/** Permissions reserved to platform admins. @public */
export const ingestionAdminPermissions = [
  ingestionRegistryUpdatePermission,
  ingestionLedgerAdjustPermission,
  ingestionJobLifecyclePermission,
  ingestionForecastReadPermission,
];

/** @public */
export const ingestionPermissions = [...ingestionAdminPermissions];
