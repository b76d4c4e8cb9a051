import {
  coreServices,
  createBackendFeatureLoader,
} from '@backstage/backend-plugin-api';

/**
 * Installs the executor the environment asks for (`ingestion.executor`): the local Spark executor for the quick
 * start and development, the Kubernetes (spark-operator) executor in production. Only one is loaded, so the
 * Kubernetes module never looks for a cluster on a laptop.
 */
export const ingestionExecutors = createBackendFeatureLoader({
  deps: { config: coreServices.rootConfig },
  *loader({ config }) {
    const executor =
      config.getOptionalString('ingestion.executor') ?? 'local-spark';
    if (executor === 'kubernetes') {
      yield import(
        '@internal/backstage-plugin-ingestion-backend-module-kubernetes-executor'
      );
    } else {
      yield import(
        '@internal/backstage-plugin-ingestion-backend-module-local-executor'
      );
    }
  },
});
