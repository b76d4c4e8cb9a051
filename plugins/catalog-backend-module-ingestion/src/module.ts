import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { IngestionJobEntityProvider } from './provider/IngestionJobEntityProvider';

/**
 * Adds the ingestion job entity provider to the catalog.
 *
 * @public
 */
export const catalogModuleIngestionJobs = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'ingestion-jobs-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        events: eventsServiceRef,
        processing: catalogProcessingExtensionPoint,
      },
      async init({ config, processing, ...services }) {
        processing.addEntityProvider(
          IngestionJobEntityProvider.fromConfig(config, services),
        );
      },
    });
  },
});
