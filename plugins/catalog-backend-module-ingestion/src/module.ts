import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { IngestionJobEntityProvider } from './provider/IngestionJobEntityProvider';
import { IngestionApiEntityProvider } from './provider/IngestionApiEntityProvider';
import { createIngestionClient } from '@internal/backstage-plugin-ingestion-node';
import { DEFAULT_PLATFORM_ADMIN_GROUP } from '@internal/backstage-plugin-ingestion-common';
import { readProviderConfig } from './provider/readProviderConfig';

/**
 * Adds the ingestion job entity provider and the ingestion API's entity (its OpenAPI document) to the catalog.
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
        const { auth, discovery } = services;
        processing.addEntityProvider(
          new IngestionApiEntityProvider({
            client: createIngestionClient({
              auth,
              discovery,
              credentials: () => auth.getOwnServiceCredentials(),
            }),
            sourceUrl: async () =>
              `${await discovery.getBaseUrl('ingestion')}/openapi.json`,
            owner:
              config.getOptionalString('ingestion.platformAdminGroup') ??
              DEFAULT_PLATFORM_ADMIN_GROUP,
            logger: services.logger,
            taskRunner: services.scheduler.createScheduledTaskRunner(
              readProviderConfig(config).schedule,
            ),
          }),
        );
      },
    });
  },
});
