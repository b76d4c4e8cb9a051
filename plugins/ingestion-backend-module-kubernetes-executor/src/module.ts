import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  INGESTION_REGISTRY_EVENTS_TOPIC,
  IngestionRegistryEvent,
  createIngestionClient,
  ingestionExecutorExtensionPoint,
} from '@internal/backstage-plugin-ingestion-node';
import { readKubernetesExecutorConfig } from './config/readKubernetesExecutorConfig';
import { KubernetesClient } from './kubernetes/KubernetesClient';
import { KubernetesSparkExecutor } from './KubernetesSparkExecutor';
import { NamespaceReconciler } from './namespaces/NamespaceReconciler';

/**
 * Contributes the Kubernetes executor (`kubernetes`) to the ingestion plugin, and keeps the ingestion namespaces
 * (quotas from the Spark Unit registry, limit ranges, network policies, priority classes) reconciled: on every
 * `ingestion.registry` event, and every `reconcileIntervalSeconds` in case an event was missed or someone
 * edited the objects by hand.
 *
 * @public
 */
export const ingestionModuleKubernetesExecutor = createBackendModule({
  pluginId: 'ingestion',
  moduleId: 'kubernetes-executor',
  register(reg) {
    reg.registerInit({
      deps: {
        executors: ingestionExecutorExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        events: eventsServiceRef,
      },
      async init(deps) {
        const { executors, config, logger, scheduler, lifecycle } = deps;
        const options = readKubernetesExecutorConfig(config);
        const client = KubernetesClient.connect(options);
        logger.info(
          `Kubernetes executor: cluster ${
            client.server
          }, namespaces ${Object.values(options.namespaces).join(', ')}`,
        );

        const executor = new KubernetesSparkExecutor({
          client,
          options,
          logger,
        });
        executors.addExecutor(executor);
        lifecycle.addStartupHook(() => executor.start());
        lifecycle.addShutdownHook(() => executor.stop());

        const reconciler = new NamespaceReconciler({ client, options, logger });
        await deps.events.subscribe({
          id: 'ingestion-kubernetes-namespaces',
          topics: [INGESTION_REGISTRY_EVENTS_TOPIC],
          onEvent: async ({ eventPayload }) => {
            const { registry } = eventPayload as IngestionRegistryEvent;
            try {
              await reconciler.reconcile(registry);
            } catch (error) {
              // The periodic reconciliation below catches up once the cluster answers again.
              logger.error(
                `Applying the Spark Unit registry to the ingestion namespaces failed: ${
                  (error as Error).message
                }`,
              );
            }
          },
        });

        // The registry is the ingestion plugin's; read it through its API like any other client would.
        const ingestion = createIngestionClient({
          auth: deps.auth,
          discovery: deps.discovery,
          credentials: () => deps.auth.getOwnServiceCredentials(),
        });
        await scheduler.scheduleTask({
          id: 'ingestion-kubernetes-namespaces',
          frequency: { seconds: options.reconcileIntervalSeconds },
          timeout: { minutes: 2 },
          // The plugin's API answers once the backend has started.
          initialDelay: { seconds: 5 },
          scope: 'global',
          fn: async () => {
            try {
              await reconciler.reconcile(await ingestion.getRegistry());
            } catch (error) {
              logger.error(
                `Reconciling the ingestion namespaces failed: ${
                  (error as Error).message
                }`,
              );
            }
          },
        });
      },
    });
  },
});
