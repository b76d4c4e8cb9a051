import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { IngestionExecutor } from './executor';

/**
 * Lets backend modules contribute executors to the ingestion plugin.
 *
 * @public
 */
export interface IngestionExecutorExtensionPoint {
  addExecutor(executor: IngestionExecutor): void;
}

/** @public */
export const ingestionExecutorExtensionPoint =
  createExtensionPoint<IngestionExecutorExtensionPoint>({
    id: 'ingestion.executor',
  });
