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

/** @public */
export const ingestionPermissions = [ingestionRegistryUpdatePermission];
