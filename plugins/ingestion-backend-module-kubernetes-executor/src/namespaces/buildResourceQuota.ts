import { NamespaceAllocation } from '@internal/backstage-plugin-ingestion-common';
import { KubernetesObject } from '../kubernetes/KubernetesObject';
import { LABELS, MANAGER } from '../naming/labels';
import { cpuQuantity } from '../spark/podResources';
import { PRIORITY_CLASSES } from './priorityClasses';

export const QUOTA_NAME = 'spark-units';
export const LENT_QUOTA_NAME = 'lent-capacity';

type QuotaAllocation = Pick<
  NamespaceAllocation,
  'namespace' | 'tier' | 'cores' | 'memoryGiB' | 'sparkUnits'
>;

/** Pods at the opportunistic priority (In), or at any other (NotIn: also pods that name no priority class). */
const opportunisticScope = (operator: 'In' | 'NotIn') => ({
  scopeSelector: {
    matchExpressions: [
      {
        scopeName: 'PriorityClass',
        operator,
        values: [PRIORITY_CLASSES.opportunistic.name],
      },
    ],
  },
});

/**
 * The namespace's ResourceQuota: exactly the cores and memory of the Spark Units the registry gives its tier
 * (Requirements 6.3, 10.1). Requests and limits are both capped, and runs ask for requests = limits, so the
 * API server refuses any pod (a run's or anyone else's) that would take the namespace past its Spark Units,
 * even if the scheduler's own admission were bypassed. Zero Spark Units give a quota of zero: nothing runs.
 *
 * In the dedicated namespace the quota leaves out opportunistic pods (runs on lent capacity, counted by
 * `buildLentCapacityQuota`): otherwise the API server would refuse a dedicated run's pod while borrowers hold
 * the quota, before anything could preempt them (Requirement 8.4).
 */
export function buildResourceQuota(
  allocation: QuotaAllocation,
): KubernetesObject {
  return quota(
    QUOTA_NAME,
    allocation,
    allocation.tier === 'dedicated' ? opportunisticScope('NotIn') : {},
  );
}

/**
 * The dedicated namespace's second quota, on opportunistic pods only: they never hold more than the namespace's
 * Spark Units. The backend lends only the idle part, and the dedicated runs' pods preempt them (their priority
 * class is higher) if the nodes are full when the backend's own preemption has not stopped them yet.
 */
export function buildLentCapacityQuota(
  allocation: QuotaAllocation,
): KubernetesObject {
  return quota(LENT_QUOTA_NAME, allocation, opportunisticScope('In'));
}

function quota(
  name: string,
  allocation: QuotaAllocation,
  scope: object,
): KubernetesObject {
  const cpu = allocation.cores > 0 ? cpuQuantity(allocation.cores) : '0';
  const memory = `${Math.round(allocation.memoryGiB * 1024)}Mi`;
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: {
      name,
      namespace: allocation.namespace,
      labels: { [LABELS.managedBy]: MANAGER, [LABELS.tier]: allocation.tier },
      annotations: {
        'ingestion.backstage.io/spark-units': String(allocation.sparkUnits),
      },
    },
    spec: {
      hard: {
        'requests.cpu': cpu,
        'limits.cpu': cpu,
        'requests.memory': memory,
        'limits.memory': memory,
      },
      ...scope,
    },
  };
}
