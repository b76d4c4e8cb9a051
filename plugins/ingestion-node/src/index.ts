/**
 * Extension points and types that backend modules of the ingestion plugin implement (executors), job events,
 * and the ingestion API client for other backend plugins.
 *
 * @packageDocumentation
 */
export * from './executor';
export * from './extensionPoints';
export * from './jobEvents';
export * from './applicationJobConfig';
export * from './client/createIngestionClient';
export * from './sparkPodMemory';
