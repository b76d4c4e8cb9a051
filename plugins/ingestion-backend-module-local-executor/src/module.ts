import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ingestionExecutorExtensionPoint } from '@internal/backstage-plugin-ingestion-node';
import fs from 'node:fs';
import { LocalSparkExecutor } from './LocalSparkExecutor';

/**
 * Contributes the local Spark executor (`local-spark`) to the ingestion plugin: the embedded default of the quick
 * start, where runs are real `spark-submit --master local[N]` processes on the backend's machine.
 *
 * @public
 */
export const ingestionModuleLocalExecutor = createBackendModule({
  pluginId: 'ingestion',
  moduleId: 'local-executor',
  register(reg) {
    reg.registerInit({
      deps: {
        executors: ingestionExecutorExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
      },
      async init({ executors, config, logger, lifecycle }) {
        const executor = LocalSparkExecutor.fromConfig(config, { logger });
        const { sparkSubmit, workDir } = executor.options;
        if (!fs.existsSync(sparkSubmit)) {
          // Not fatal: the portal works without Spark; runs then fail with this same hint.
          logger.warn(
            `spark-submit not found at ${sparkSubmit}: run test-infra/spark/setup.sh, or set ingestion.executors.local.sparkSubmit`,
          );
        }
        logger.info(`Local Spark executor: runs in ${workDir}`);
        executors.addExecutor(executor);
        lifecycle.addShutdownHook(() => executor.shutdown());
      },
    });
  },
});
