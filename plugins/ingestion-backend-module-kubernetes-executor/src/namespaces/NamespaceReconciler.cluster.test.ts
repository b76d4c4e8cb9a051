import { mockServices } from '@backstage/backend-test-utils';
import { KubernetesClient } from '../kubernetes/KubernetesClient';
import { KubernetesObject } from '../kubernetes/KubernetesObject';
import { apiErrorMessage } from '../kubernetes/apiErrors';
import { registrySnapshot } from '../__testUtils__/registry';
import { testExecutorOptions } from '../__testUtils__/executorOptions';
import {
  deleteNamespaces,
  startTestCluster,
  testNamespaces,
  waitFor,
} from '../__testUtils__/testCluster';
import { NamespaceReconciler } from './NamespaceReconciler';

/*
 * Against the real test control plane (test-infra/kubernetes): the reconciler's objects as the API server stores
 * them, and the API server's quota admission enforcing them.
 */

jest.setTimeout(5 * 60_000);

const namespaces = testNamespaces('ingest-ns');
let client: KubernetesClient;
let reconciler: NamespaceReconciler;

type Quota = KubernetesObject & {
  spec: { hard: Record<string, string> };
  status?: { hard?: Record<string, string>; used?: Record<string, string> };
};

const readQuota = (namespace: string) =>
  client.read<Quota>('v1', 'ResourceQuota', 'spark-units', namespace);

/** Quota admission refuses pods until the controller has computed the quota's status: wait for it. */
const quotaEnforced = (namespace: string, cpu: string) =>
  waitFor(
    `quota of ${namespace} enforced at ${cpu} cpu`,
    async () => {
      const quota = await readQuota(namespace);
      return quota?.status?.hard?.['limits.cpu'] === cpu ? quota : undefined;
    },
    60_000,
  );

beforeAll(() => {
  const { kubeconfig } = startTestCluster();
  client = KubernetesClient.connect({ kubeconfigPath: kubeconfig });
  reconciler = new NamespaceReconciler({
    client,
    options: testExecutorOptions(kubeconfig, namespaces),
    logger: mockServices.logger.mock(),
  });
});

afterAll(async () => {
  await deleteNamespaces(client, Object.values(namespaces));
});

describe('NamespaceReconciler on a real API server', () => {
  it('creates the three namespaces, labelled by tier', async () => {
    await reconciler.reconcile(
      registrySnapshot(namespaces, {
        dedicated: 4,
        'vcore-hours': 2,
        draft: 1,
      }),
    );
    for (const [tier, name] of Object.entries(namespaces)) {
      const namespace = await client.read('v1', 'Namespace', name);
      expect(namespace?.metadata.labels).toMatchObject({
        'ingestion.backstage.io/tier': tier,
        'app.kubernetes.io/managed-by': 'ingestion-backstage',
        'pod-security.kubernetes.io/enforce': 'baseline',
      });
    }
  });

  it('sets each namespace’s quota to its Spark Units, and changes it with the registry', async () => {
    for (const [name, cpu, memory] of [
      [namespaces.dedicated, '8', '16Gi'],
      [namespaces['vcore-hours'], '4', '8Gi'],
      [namespaces.draft, '2', '4Gi'],
    ]) {
      const quota = await quotaEnforced(name, cpu);
      expect(quota.status?.hard).toEqual({
        'requests.cpu': cpu,
        'limits.cpu': cpu,
        'requests.memory': memory,
        'limits.memory': memory,
      });
    }

    await reconciler.reconcile(
      registrySnapshot(namespaces, {
        dedicated: 4,
        'vcore-hours': 3,
        draft: 0,
      }),
    );
    expect(
      (await quotaEnforced(namespaces['vcore-hours'], '6')).spec.hard,
    ).toEqual({
      'requests.cpu': '6',
      'limits.cpu': '6',
      'requests.memory': '12Gi',
      'limits.memory': '12Gi',
    });
    expect(
      (await quotaEnforced(namespaces.draft, '0')).spec.hard,
    ).toMatchObject({
      'limits.cpu': '0',
      'limits.memory': '0',
    });
  });

  it('changes nothing when nothing changed (server-side apply under one field manager)', async () => {
    const registry = registrySnapshot(namespaces, {
      dedicated: 4,
      'vcore-hours': 3,
      draft: 0,
    });
    await reconciler.reconcile(registry);
    const before = await readQuota(namespaces.dedicated);
    const policiesBefore = await client.list(
      'networking.k8s.io/v1',
      'NetworkPolicy',
      namespaces.dedicated,
    );
    await reconciler.reconcile(registry);
    const after = await readQuota(namespaces.dedicated);
    const policiesAfter = await client.list(
      'networking.k8s.io/v1',
      'NetworkPolicy',
      namespaces.dedicated,
    );
    expect(after?.metadata.resourceVersion).toBe(
      before?.metadata.resourceVersion,
    );
    expect(policiesAfter.map(p => p.metadata.resourceVersion)).toEqual(
      policiesBefore.map(p => p.metadata.resourceVersion),
    );
  });

  it('makes the API server refuse a pod beyond the quota and admit one within it', async () => {
    const namespace = namespaces['vcore-hours'];
    await quotaEnforced(namespace, '6');
    const pod = (name: string, cpu: string): KubernetesObject => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace },
      spec: {
        containers: [
          {
            name: 'main',
            image: 'registry.invalid/none:0',
            resources: {
              requests: { cpu, memory: '1Gi' },
              limits: { cpu, memory: '1Gi' },
            },
          },
        ],
      },
    });

    const refusal = await client.create(pod('too-big', '7')).then(
      () => undefined,
      error => error,
    );
    expect(refusal).toBeDefined();
    expect(apiErrorMessage(refusal)).toMatch(
      /pods "too-big" is forbidden: exceeded quota: spark-units, requested: limits.cpu=7,requests.cpu=7, used: limits.cpu=0,requests.cpu=0, limited: limits.cpu=6,requests.cpu=6/,
    );

    await client.create(pod('fits', '6'));
    const quota = await waitFor(
      'quota usage of the admitted pod',
      async () => {
        const q = await readQuota(namespace);
        return q?.status?.used?.['requests.cpu'] === '6' ? q : undefined;
      },
      60_000,
    );
    expect(quota.status?.used?.['limits.memory']).toBe('1Gi');
    await client.delete('v1', 'Pod', 'fits', namespace);
  });

  it('gives containers without resources bounded defaults instead of a refusal', async () => {
    const namespace = namespaces.dedicated;
    await quotaEnforced(namespace, '8');
    const created = await client.create<KubernetesObject & { spec: any }>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'no-resources', namespace },
      spec: {
        containers: [{ name: 'main', image: 'registry.invalid/none:0' }],
      },
    });
    expect(created.spec.containers[0].resources).toEqual({
      requests: { cpu: '250m', memory: '256Mi' },
      limits: { cpu: '500m', memory: '512Mi' },
    });
    await client.delete('v1', 'Pod', 'no-resources', namespace);
  });

  it('isolates the namespaces with NetworkPolicies', async () => {
    const policies = await client.list<KubernetesObject & { spec: any }>(
      'networking.k8s.io/v1',
      'NetworkPolicy',
      namespaces.draft,
    );
    const byName = Object.fromEntries(
      policies.map(p => [p.metadata.name, p.spec]),
    );
    expect(Object.keys(byName).sort()).toEqual([
      'ingestion-allow-dns',
      'ingestion-allow-kubernetes-api',
      'ingestion-default-deny',
    ]);
    expect(byName['ingestion-default-deny']).toMatchObject({
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
    });
    expect(byName['ingestion-allow-dns'].egress[0].to[0]).toEqual({
      namespaceSelector: {
        matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' },
      },
    });
    // The test cluster publishes no EndpointSlice for the API server: the backend's own address is used.
    expect(byName['ingestion-allow-kubernetes-api']).toMatchObject({
      podSelector: { matchLabels: { 'spark-role': 'driver' } },
      egress: [
        {
          to: [{ ipBlock: { cidr: '127.0.0.1/32' } }],
          ports: [{ protocol: 'TCP', port: 56443 }],
        },
      ],
    });
  });

  it('creates the drivers’ service account and Role, and the priority classes', async () => {
    const namespace = namespaces.dedicated;
    expect(
      await client.read('v1', 'ServiceAccount', 'ingestion-spark', namespace),
    ).toBeDefined();
    const binding = await client.read<KubernetesObject & { subjects: any }>(
      'rbac.authorization.k8s.io/v1',
      'RoleBinding',
      'ingestion-spark-driver',
      namespace,
    );
    expect(binding?.subjects).toEqual([
      { kind: 'ServiceAccount', name: 'ingestion-spark', namespace },
    ]);
    const values: Record<string, number> = {};
    for (const name of [
      'ingestion-dedicated',
      'ingestion-shared',
      'ingestion-opportunistic',
    ]) {
      const pc = await client.read<KubernetesObject & { value: number }>(
        'scheduling.k8s.io/v1',
        'PriorityClass',
        name,
      );
      values[name] = pc!.value;
    }
    expect(values['ingestion-dedicated']).toBeGreaterThan(
      values['ingestion-shared'],
    );
    expect(values['ingestion-shared']).toBeGreaterThan(
      values['ingestion-opportunistic'],
    );
  });
});
