/**
 * Ingestion executor that runs each run as a local `spark-submit --master local[N]` of the ingestion
 * application.
 *
 * @packageDocumentation
 */
export { ingestionModuleLocalExecutor as default } from './module';
export { LocalSparkExecutor } from './LocalSparkExecutor';
export type {
  LocalExecutorOptions,
  LocalExecutorSecret,
} from './config/LocalExecutorOptions';
export { readLocalExecutorConfig } from './config/readLocalExecutorConfig';
