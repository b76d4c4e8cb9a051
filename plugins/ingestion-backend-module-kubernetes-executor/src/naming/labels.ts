import { createHash } from 'node:crypto';

/** Prefix of every label and annotation this module writes. */
const PREFIX = 'ingestion.backstage.io';

/**
 * Label keys on every object a run or a namespace gets. The same keys go on the driver and executor pods, so
 * that @backstage/plugin-kubernetes finds a job's pods by `ingestion.backstage.io/job-id=<id>`.
 */
export const LABELS = {
  tenant: `${PREFIX}/tenant`,
  jobId: `${PREFIX}/job-id`,
  runId: `${PREFIX}/run-id`,
  tier: `${PREFIX}/tier`,
  opportunistic: `${PREFIX}/opportunistic`,
  managedBy: 'app.kubernetes.io/managed-by',
} as const;

/**
 * Annotations that keep the exact values a label could only hold in a shortened or escaped form.
 */
export const ANNOTATIONS = {
  runId: `${PREFIX}/run-id`,
  tenantRef: `${PREFIX}/tenant-ref`,
  jobId: `${PREFIX}/job-id`,
} as const;

/** Value of `app.kubernetes.io/managed-by` and the server-side apply field manager. */
export const MANAGER = 'ingestion-backstage';

/** Selects every SparkApplication (and per-run object) this module created. */
export const MANAGED_SELECTOR = `${LABELS.managedBy}=${MANAGER}`;

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const MAX_LABEL_VALUE = 63;

/**
 * A label value that stands for `value`: the value itself when Kubernetes accepts it, otherwise its characters
 * outside `[A-Za-z0-9._-]` replaced by `.` (a tenant ref `group:default/team-orion` becomes
 * `group.default.team-orion`), trimmed to an alphanumeric start and end. Whenever that loses information (a
 * replacement that could collide, or a value longer than 63) a short hash of the original is appended, so two
 * different values never share a label value.
 */
export function toLabelValue(value: string): string {
  if (value.length <= MAX_LABEL_VALUE && LABEL_VALUE.test(value)) {
    return value;
  }
  const readable = value
    .replace(/[^A-Za-z0-9._-]/g, '.')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/[^A-Za-z0-9]+$/, '');
  // ':' and '/' are the only characters of an entity ref that need replacing; a tenant ref written with them
  // cannot collide with another one once both are replaced, unless a name itself contains dots.
  const lossless =
    readable.length <= MAX_LABEL_VALUE &&
    /^[a-z]+:[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+$/.test(value) &&
    readable.length === value.length;
  if (lossless) {
    return readable;
  }
  const hash = shortHash(value);
  const head = readable
    .slice(0, MAX_LABEL_VALUE - hash.length - 1)
    .replace(/[^A-Za-z0-9]+$/, '');
  return head ? `${head}-${hash}` : hash;
}

/** First 10 hex digits of the SHA-256 of a value: enough to tell apart the values one cluster ever sees. */
export function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 10);
}
