import { buildNamespacePolicies } from './buildNamespacePolicies';

describe('buildNamespacePolicies', () => {
  const byName = (policies: ReturnType<typeof buildNamespacePolicies>) =>
    Object.fromEntries(policies.map(p => [p.metadata.name, p.spec as any]));

  it('denies everything by default and allows DNS to every pod', () => {
    const policies = byName(
      buildNamespacePolicies('ingestion-draft', {
        dnsNamespace: 'kube-system',
        apiServer: [],
        additionalEgress: [],
      }),
    );
    expect(Object.keys(policies)).toEqual([
      'ingestion-default-deny',
      'ingestion-allow-dns',
    ]);
    expect(policies['ingestion-default-deny']).toEqual({
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
    });
    expect(policies['ingestion-allow-dns']).toEqual({
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [
            {
              namespaceSelector: {
                matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' },
              },
            },
          ],
          ports: [
            { protocol: 'UDP', port: 53 },
            { protocol: 'TCP', port: 53 },
          ],
        },
      ],
    });
  });

  it('lets drivers, and only drivers, reach the Kubernetes API', () => {
    const policies = byName(
      buildNamespacePolicies('ns', {
        dnsNamespace: 'kube-system',
        apiServer: [{ cidr: '172.18.0.2/32', ports: [6443] }],
        additionalEgress: [{ cidr: '10.50.0.0/16', ports: [] }],
      }),
    );
    expect(policies['ingestion-allow-kubernetes-api']).toEqual({
      podSelector: { matchLabels: { 'spark-role': 'driver' } },
      policyTypes: ['Egress'],
      egress: [
        {
          to: [{ ipBlock: { cidr: '172.18.0.2/32' } }],
          ports: [{ protocol: 'TCP', port: 6443 }],
        },
      ],
    });
    expect(policies['ingestion-allow-platform-egress']).toEqual({
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '10.50.0.0/16' } }] }],
    });
  });
});
