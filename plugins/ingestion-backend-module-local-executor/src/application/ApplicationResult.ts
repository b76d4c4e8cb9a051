/**
 * The application's result.json, shared by every executor (ingestion-node). The local executor writes the same
 * shape itself for a run that fails before spark-submit starts (e.g. a missing secret), so that every outcome is
 * read from one file.
 */
export type { ApplicationResult } from '@internal/backstage-plugin-ingestion-node';
