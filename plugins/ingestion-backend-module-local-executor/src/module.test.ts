import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  IngestionExecutor,
  ingestionExecutorExtensionPoint,
} from '@internal/backstage-plugin-ingestion-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalSparkExecutor } from './LocalSparkExecutor';
import { ingestionModuleLocalExecutor } from './module';

/** Stands in for the ingestion backend plugin: it only collects the executors that modules add. */
function collectingPlugin(added: IngestionExecutor[]) {
  return createBackendPlugin({
    pluginId: 'ingestion',
    register(env) {
      env.registerExtensionPoint(ingestionExecutorExtensionPoint, {
        addExecutor: executor => added.push(executor),
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

describe('ingestionModuleLocalExecutor', () => {
  it('adds the local-spark executor, configured from ingestion.executors.local', async () => {
    const workDir = fs.mkdtempSync(
      path.join(os.tmpdir(), 'local-executor-module-'),
    );
    const added: IngestionExecutor[] = [];
    const backend = await startTestBackend({
      features: [
        collectingPlugin(added),
        ingestionModuleLocalExecutor,
        mockServices.rootConfig.factory({
          data: {
            ingestion: { executors: { local: { workDir, maxCores: 1 } } },
          },
        }),
      ],
    });
    try {
      expect(added).toHaveLength(1);
      const executor = added[0] as LocalSparkExecutor;
      expect(executor).toBeInstanceOf(LocalSparkExecutor);
      expect(executor.id).toBe('local-spark');
      expect(executor.options).toMatchObject({ workDir, maxCores: 1 });
      expect(await executor.listActive()).toEqual([]);
    } finally {
      await backend.stop();
      fs.rmSync(workDir, { recursive: true, force: true });
    }
  });
});
