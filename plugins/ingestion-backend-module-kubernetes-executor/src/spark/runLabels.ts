import { RunSubmission } from '@internal/backstage-plugin-ingestion-node';
import { ANNOTATIONS, LABELS, MANAGER, toLabelValue } from '../naming/labels';

/**
 * Labels of every object of a run (SparkApplication, driver and executor pods, ConfigMap, NetworkPolicy): who
 * owns it, which job and run it belongs to, where it runs. Label values are shortened or escaped when needed;
 * `runAnnotations` keeps the exact values.
 */
export function runLabels(run: RunSubmission): Record<string, string> {
  return {
    [LABELS.managedBy]: MANAGER,
    [LABELS.tenant]: toLabelValue(run.tenant),
    [LABELS.jobId]: toLabelValue(run.jobId),
    [LABELS.runId]: toLabelValue(run.runId),
    [LABELS.tier]: run.tier,
    [LABELS.opportunistic]: String(run.opportunistic),
  };
}

/** The exact run id, job id and tenant ref, which labels may only hold shortened. */
export function runAnnotations(run: RunSubmission): Record<string, string> {
  return {
    [ANNOTATIONS.runId]: run.runId,
    [ANNOTATIONS.jobId]: run.jobId,
    [ANNOTATIONS.tenantRef]: run.tenant,
  };
}
