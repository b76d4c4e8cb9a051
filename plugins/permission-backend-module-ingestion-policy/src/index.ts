/**
 * Permission policy of the ingestion service.
 *
 * @packageDocumentation
 */
export { permissionModuleIngestionPolicy as default } from './module';
export { IngestionPermissionPolicy } from './IngestionPermissionPolicy';
