import { KubernetesObject } from '../kubernetes/KubernetesObject';
import { LABELS, MANAGER } from '../naming/labels';

export const DRIVER_ROLE_NAME = 'ingestion-spark-driver';

/**
 * The service account Spark drivers run as, with what Spark's driver needs in its own namespace only: create,
 * watch and delete its executor pods, its headless service, ConfigMaps and (for dynamic PVCs) claims. The
 * API server refuses pods naming a service account that does not exist, so runs depend on this.
 */
export function buildDriverAccess(
  namespace: string,
  serviceAccount: string,
): KubernetesObject[] {
  const labels = { [LABELS.managedBy]: MANAGER };
  return [
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: serviceAccount, namespace, labels },
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: DRIVER_ROLE_NAME, namespace, labels },
      rules: [
        {
          apiGroups: [''],
          resources: [
            'pods',
            'services',
            'configmaps',
            'persistentvolumeclaims',
          ],
          verbs: [
            'create',
            'get',
            'list',
            'watch',
            'update',
            'patch',
            'delete',
            'deletecollection',
          ],
        },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: DRIVER_ROLE_NAME, namespace, labels },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Role',
        name: DRIVER_ROLE_NAME,
      },
      subjects: [{ kind: 'ServiceAccount', name: serviceAccount, namespace }],
    },
  ];
}
