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

/** Permissions reserved to platform admins. @public */
export const ingestionAdminPermissions = [
  ingestionRegistryUpdatePermission,
  ingestionLedgerAdjustPermission,
  ingestionJobLifecyclePermission,
];

/** @public */
export const ingestionPermissions = [...ingestionAdminPermissions];
