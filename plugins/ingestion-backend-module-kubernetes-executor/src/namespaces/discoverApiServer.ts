import { isIP } from 'node:net';
import { EgressRule } from '../config/KubernetesExecutorOptions';
import { KubernetesClient } from '../kubernetes/KubernetesClient';
import { KubernetesObject } from '../kubernetes/KubernetesObject';

interface EndpointSlice extends KubernetesObject {
  endpoints?: Array<{ addresses?: string[] }>;
  ports?: Array<{ port?: number; protocol?: string }>;
}

/**
 * Where pods reach the Kubernetes API, as NetworkPolicy egress rules. Policies see the API server's real
 * addresses, not the `kubernetes` Service's cluster IP (most network plugins apply policies after the Service
 * address is translated), so they are read from that Service's EndpointSlices. Clusters that publish none (a
 * test control plane) fall back to the address the backend itself connects to, when it is an IP address.
 * Returns [] when neither is known; the caller warns, and drivers then cannot start executors until
 * `networkPolicy.apiServer` is configured.
 */
export async function discoverApiServer(
  client: KubernetesClient,
): Promise<EgressRule[]> {
  const slices = await client.list<EndpointSlice>(
    'discovery.k8s.io/v1',
    'EndpointSlice',
    'default',
    'kubernetes.io/service-name=kubernetes',
  );
  const rules: EgressRule[] = [];
  for (const slice of slices) {
    const ports = (slice.ports ?? [])
      .filter(p => (p.protocol ?? 'TCP') === 'TCP' && p.port)
      .map(p => p.port!);
    for (const endpoint of slice.endpoints ?? []) {
      for (const address of endpoint.addresses ?? []) {
        rules.push({ cidr: hostCidr(address), ports });
      }
    }
  }
  if (rules.length > 0) return rules;

  const server = new URL(client.server);
  const host = server.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    return [
      {
        cidr: hostCidr(host),
        ports: [
          Number(server.port || (server.protocol === 'https:' ? 443 : 80)),
        ],
      },
    ];
  }
  return [];
}

function hostCidr(address: string): string {
  return `${address}/${isIP(address) === 6 ? 128 : 32}`;
}
