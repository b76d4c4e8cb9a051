import { shortHash } from './labels';

/**
 * At most 50 characters: spark-operator derives `<name>-ui-svc` and Spark `<name>-driver` from it, and Service
 * names must stay within 63.
 */
const MAX_NAME = 50;
const PREFIX = 'ingest-';
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * The SparkApplication name of a run: a pure function of the run id, so that every backend replica, before and
 * after a restart, finds the same object for the same run (submit stays idempotent, observe needs no index).
 * Run ids the dispatcher makes (UUIDs) give `ingest-<uuid>`; anything else is escaped and suffixed with a hash.
 */
export function sparkApplicationName(runId: string): string {
  const plain = `${PREFIX}${runId}`;
  if (plain.length <= MAX_NAME && DNS_LABEL.test(runId)) {
    return plain;
  }
  const hash = shortHash(runId);
  const head = runId
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, MAX_NAME - PREFIX.length - hash.length - 1)
    .replace(/^-+|-+$/g, '');
  return `${PREFIX}${head ? `${head}-` : ''}${hash}`;
}

/** The ConfigMap holding a run's job.json. */
export function jobConfigMapName(runId: string): string {
  return `${sparkApplicationName(runId)}-job`;
}

/** The NetworkPolicy that lets a run's pods reach its source and target. */
export function runNetworkPolicyName(runId: string): string {
  return `${sparkApplicationName(runId)}-egress`;
}
