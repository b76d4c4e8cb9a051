/**
 * Scaffolder backend module with the actions that validate and create ingestion jobs on behalf of the template's
 * user: `ingestion:job:validate` and `ingestion:job:create`.
 *
 * @packageDocumentation
 */
export { scaffolderModuleIngestion as default } from './module';
export { createValidateJobAction } from './actions/validateJob';
export { createCreateJobAction } from './actions/createJob';
