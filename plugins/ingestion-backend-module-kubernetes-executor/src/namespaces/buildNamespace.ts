import { NamespaceTier } from '@internal/backstage-plugin-ingestion-common';
import { KubernetesObject } from '../kubernetes/KubernetesObject';
import { LABELS, MANAGER } from '../naming/labels';

/**
 * An ingestion namespace, labelled with its tier. Pod Security `baseline` is enforced: Spark needs nothing
 * beyond it, and it keeps tenants' jobs from privileged containers, host namespaces and host paths, through
 * which one run could reach another's data or the node.
 */
export function buildNamespace(
  name: string,
  tier: NamespaceTier,
): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels: {
        [LABELS.managedBy]: MANAGER,
        [LABELS.tier]: tier,
        'pod-security.kubernetes.io/enforce': 'baseline',
      },
    },
  };
}
