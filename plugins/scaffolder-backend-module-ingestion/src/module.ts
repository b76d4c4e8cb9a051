import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createCreateJobAction } from './actions/createJob';
import { createValidateJobAction } from './actions/validateJob';

/**
 * Adds the `ingestion:job:validate` and `ingestion:job:create` actions to the scaffolder.
 *
 * @public
 */
export const scaffolderModuleIngestion = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'ingestion',
  register(reg) {
    reg.registerInit({
      deps: {
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        config: coreServices.rootConfig,
        scaffolderActions: scaffolderActionsExtensionPoint,
      },
      async init({ auth, discovery, config, scaffolderActions }) {
        scaffolderActions.addActions(
          createValidateJobAction({ auth, discovery }),
          createCreateJobAction({
            auth,
            discovery,
            appBaseUrl: config.getString('app.baseUrl'),
          }),
        );
      },
    });
  },
});
