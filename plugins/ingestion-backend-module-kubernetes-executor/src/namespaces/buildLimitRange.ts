import { KubernetesObject } from '../kubernetes/KubernetesObject';
import { LABELS, MANAGER } from '../naming/labels';

export const LIMIT_RANGE_NAME = 'ingestion-defaults';

/**
 * Defaults for containers that state no resources. Under a ResourceQuota on requests and limits the API server
 * refuses such containers outright; Spark sizes its own containers, so this catches the rest (init containers,
 * sidecars a platform injects, a debugging pod) with a small, bounded size instead of a refusal.
 */
export function buildLimitRange(namespace: string): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: {
      name: LIMIT_RANGE_NAME,
      namespace,
      labels: { [LABELS.managedBy]: MANAGER },
    },
    spec: {
      limits: [
        {
          type: 'Container',
          defaultRequest: { cpu: '250m', memory: '256Mi' },
          default: { cpu: '500m', memory: '512Mi' },
        },
      ],
    },
  };
}
