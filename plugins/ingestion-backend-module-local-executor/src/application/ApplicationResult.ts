/**
 * The application's result.json (ingestion-app/README.md), as far as the executor reads it. The executor writes
 * the same shape itself for a run that fails before spark-submit starts (e.g. a missing secret), so that every
 * outcome is read from one file.
 */
export interface ApplicationResult {
  status: 'succeeded' | 'failed';
  error?: string;
  errorField?: string;
  rowsIn?: number;
  rowsOut?: number;
  bytesIn?: number;
  bytesOut?: number;
  watermark?: string | null;
  outputPath?: string;
  durationMs?: number;
  eventLog?: string;
}
