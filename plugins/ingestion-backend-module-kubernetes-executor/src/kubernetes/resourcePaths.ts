/**
 * REST paths of the kinds this module reads and writes. A fixed table instead of API discovery: the set is small
 * and known, and a wrong kind fails loudly here rather than as a 404 from the server.
 */
const RESOURCES: Record<string, { plural: string; namespaced: boolean }> = {
  'v1/Namespace': { plural: 'namespaces', namespaced: false },
  'v1/ResourceQuota': { plural: 'resourcequotas', namespaced: true },
  'v1/LimitRange': { plural: 'limitranges', namespaced: true },
  'v1/ServiceAccount': { plural: 'serviceaccounts', namespaced: true },
  'v1/ConfigMap': { plural: 'configmaps', namespaced: true },
  'v1/Pod': { plural: 'pods', namespaced: true },
  'rbac.authorization.k8s.io/v1/Role': { plural: 'roles', namespaced: true },
  'rbac.authorization.k8s.io/v1/RoleBinding': {
    plural: 'rolebindings',
    namespaced: true,
  },
  'networking.k8s.io/v1/NetworkPolicy': {
    plural: 'networkpolicies',
    namespaced: true,
  },
  'scheduling.k8s.io/v1/PriorityClass': {
    plural: 'priorityclasses',
    namespaced: false,
  },
  'discovery.k8s.io/v1/EndpointSlice': {
    plural: 'endpointslices',
    namespaced: true,
  },
  'sparkoperator.k8s.io/v1beta2/SparkApplication': {
    plural: 'sparkapplications',
    namespaced: true,
  },
  // Only in the deploy manifests, which the tests apply with this client.
  'v1/Secret': { plural: 'secrets', namespaced: true },
  'rbac.authorization.k8s.io/v1/ClusterRole': {
    plural: 'clusterroles',
    namespaced: false,
  },
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': {
    plural: 'clusterrolebindings',
    namespaced: false,
  },
};

/** `/api/v1/namespaces/ns/pods[/name]`, `/apis/group/version/...`: the path of an object or a collection. */
export function resourcePath(
  apiVersion: string,
  kind: string,
  namespace?: string,
  name?: string,
): string {
  const resource = RESOURCES[`${apiVersion}/${kind}`];
  if (!resource) {
    throw new Error(`No REST path known for ${apiVersion} ${kind}`);
  }
  if (resource.namespaced && !namespace) {
    throw new Error(`${kind} ${name ?? ''} needs a namespace`);
  }
  const group = apiVersion.includes('/')
    ? `/apis/${apiVersion}`
    : `/api/${apiVersion}`;
  const scope = resource.namespaced
    ? `/namespaces/${encodeURIComponent(namespace!)}`
    : '';
  const item = name === undefined ? '' : `/${encodeURIComponent(name)}`;
  return `${group}${scope}/${resource.plural}${item}`;
}
