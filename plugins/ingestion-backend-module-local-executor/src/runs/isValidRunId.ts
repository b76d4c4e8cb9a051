/**
 * A run id becomes a folder name here and in the data lake (`run_id=<runId>`); the ingestion application accepts
 * exactly these, so the executor refuses anything else before touching the file system (no `..`, no `/`).
 */
export function isValidRunId(runId: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(runId);
}
