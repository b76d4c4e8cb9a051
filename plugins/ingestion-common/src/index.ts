/**
 * Types, permissions and the API client shared by the ingestion frontend and backend.
 *
 * @packageDocumentation
 */
export * from './types/tenancy';
export * from './types/capacity';
export * from './types/jobs';
export * from './types/jobApi';
export * from './types/ledger';
export * from './types/runs';
export * from './types/estimates';
export * from './types/forecast';
export * from './types/lending';
export * from './types/apiClients';
export * from './types/metrics';
export * from './permissions';
export * from './client/IngestionClient';
export * from './catalog/annotations';
export * from './catalog/ingestionJobEntityRef';
