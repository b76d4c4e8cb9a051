/**
 * Catalog backend module that puts every ingestion job in the catalog as a Resource of type `ingestion-job`.
 *
 * @packageDocumentation
 */
export { catalogModuleIngestionJobs as default } from './module';
export {
  IngestionJobEntityProvider,
  type IngestionJobEntityProviderOptions,
} from './provider/IngestionJobEntityProvider';
export { jobToEntity } from './provider/jobToEntity';
export {
  readProviderConfig,
  type IngestionJobEntityProviderConfig,
} from './provider/readProviderConfig';
