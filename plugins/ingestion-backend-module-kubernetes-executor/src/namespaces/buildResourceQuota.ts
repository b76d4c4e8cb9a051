import { NamespaceAllocation } from '@internal/backstage-plugin-ingestion-common';
import { KubernetesObject } from '../kubernetes/KubernetesObject';
import { LABELS, MANAGER } from '../naming/labels';
import { cpuQuantity } from '../spark/podResources';

export const QUOTA_NAME = 'spark-units';

/**
 * The namespace's ResourceQuota: exactly the cores and memory of the Spark Units the registry gives its tier
 * (Requirements 6.3, 10.1). Requests and limits are both capped, and runs ask for requests = limits, so the
 * API server refuses any pod (a run's or anyone else's) that would take the namespace past its Spark Units,
 * even if the scheduler's own admission were bypassed. Zero Spark Units give a quota of zero: nothing runs.
 */
export function buildResourceQuota(
  allocation: Pick<
    NamespaceAllocation,
    'namespace' | 'tier' | 'cores' | 'memoryGiB' | 'sparkUnits'
  >,
): KubernetesObject {
  const cpu = allocation.cores > 0 ? cpuQuantity(allocation.cores) : '0';
  const memory = `${Math.round(allocation.memoryGiB * 1024)}Mi`;
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: {
      name: QUOTA_NAME,
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
    },
  };
}
