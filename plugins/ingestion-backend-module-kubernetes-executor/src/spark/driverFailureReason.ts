/**
 * The line worth showing from a failed driver's termination message. With terminationMessagePolicy
 * FallbackToLogsOnError that message is the tail of the driver's log; the ingestion application's last line is
 * `ingestion_app: failed: <why>` (ingestion-app/README.md), which is preferred. Otherwise the last non-empty
 * line (Spark's own error, or whatever the container wrote to its termination log).
 */
export function driverFailureReason(
  terminationMessage: string | undefined,
): string | undefined {
  if (!terminationMessage) return undefined;
  const lines = terminationMessage
    .split('\n')
    .map(line => line.trim())
    .filter(Boolean);
  const marker = 'ingestion_app: failed: ';
  const application = [...lines].reverse().find(line => line.includes(marker));
  if (application) {
    return application.slice(application.indexOf(marker) + marker.length);
  }
  return lines.at(-1);
}
