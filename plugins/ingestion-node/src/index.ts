/**
 * Extension points and types that backend modules of the ingestion plugin implement (executors).
 *
 * @packageDocumentation
 */
export * from './executor';
export * from './extensionPoints';
export * from './jobEvents';
