/**
 * The ingestion application's job.json (see ingestion-app/README.md). Never holds credentials: the application
 * reads those from its environment.
 */
export interface ApplicationJobConfig {
  jobId: string;
  runId: string;
  source: Record<string, unknown>;
  target: Record<string, unknown>;
  watermark: string | null;
}
