import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { IngestionPermissionPolicy } from './IngestionPermissionPolicy';

/**
 * Installs the ingestion permission policy into the permission backend.
 *
 * @public
 */
export const permissionModuleIngestionPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'ingestion-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ policy, config }) {
        const platformAdminGroup =
          config.getOptionalString('ingestion.platformAdminGroup') ??
          'group:default/platform-admins';
        policy.setPolicy(new IngestionPermissionPolicy({ platformAdminGroup }));
      },
    });
  },
});
