import { EgressRule } from '../config/KubernetesExecutorOptions';
import { KubernetesObject } from '../kubernetes/KubernetesObject';
import { LABELS, MANAGER } from '../naming/labels';
import { toEgressRule } from '../network/egressPeers';

/** The names of the namespace-wide NetworkPolicies (each run adds its own, see buildRunNetworkPolicy). */
export const NAMESPACE_POLICIES = {
  defaultDeny: 'ingestion-default-deny',
  dns: 'ingestion-allow-dns',
  kubernetesApi: 'ingestion-allow-kubernetes-api',
  additionalEgress: 'ingestion-allow-platform-egress',
} as const;

/**
 * NetworkPolicies of an ingestion namespace:
 * - default deny of all ingress and egress for every pod: tenants' runs share the namespace, and nothing may
 *   talk to or from a run unless a rule below, or the run's own policy, allows it;
 * - every pod may resolve names with the cluster DNS (UDP and TCP 53 to the DNS namespace);
 * - Spark drivers (label spark-role=driver, set by Spark) may reach the Kubernetes API, where they start and
 *   watch their executors;
 * - every pod may reach the platform's additional ranges, if any are configured.
 */
export function buildNamespacePolicies(
  namespace: string,
  options: {
    dnsNamespace: string;
    apiServer: EgressRule[];
    additionalEgress: EgressRule[];
  },
): KubernetesObject[] {
  const policy = (
    name: string,
    spec: Record<string, unknown>,
  ): KubernetesObject => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace, labels: { [LABELS.managedBy]: MANAGER } },
    spec,
  });
  const policies = [
    policy(NAMESPACE_POLICIES.defaultDeny, {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
    }),
    policy(NAMESPACE_POLICIES.dns, {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [
            {
              namespaceSelector: {
                matchLabels: {
                  'kubernetes.io/metadata.name': options.dnsNamespace,
                },
              },
            },
          ],
          ports: [
            { protocol: 'UDP', port: 53 },
            { protocol: 'TCP', port: 53 },
          ],
        },
      ],
    }),
  ];
  if (options.apiServer.length > 0) {
    policies.push(
      policy(NAMESPACE_POLICIES.kubernetesApi, {
        podSelector: { matchLabels: { 'spark-role': 'driver' } },
        policyTypes: ['Egress'],
        egress: options.apiServer.map(toEgressRule),
      }),
    );
  }
  if (options.additionalEgress.length > 0) {
    policies.push(
      policy(NAMESPACE_POLICIES.additionalEgress, {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: options.additionalEgress.map(toEgressRule),
      }),
    );
  }
  return policies;
}
