import { mockServices } from '@backstage/backend-test-utils';
import { RunSubmission } from '@internal/backstage-plugin-ingestion-node';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { KubernetesClient } from './kubernetes/KubernetesClient';
import { KubernetesObject } from './kubernetes/KubernetesObject';
import { KubernetesSparkExecutor } from './KubernetesSparkExecutor';
import { NamespaceReconciler } from './namespaces/NamespaceReconciler';
import { testExecutorOptions } from './__testUtils__/executorOptions';
import { readManifest } from './__testUtils__/manifests';
import { registrySnapshot } from './__testUtils__/registry';
import { runSubmission } from './__testUtils__/runSubmission';
import { serviceAccountKubeconfig } from './__testUtils__/serviceAccountKubeconfig';
import { startKubernetesTabBackend } from './__testUtils__/startKubernetesTabBackend';
import {
  deleteNamespaces,
  repoRoot,
  startTestCluster,
  testNamespaces,
  waitFor,
} from './__testUtils__/testCluster';

/*
 * What docs/kubernetes.md tells a platform team to deploy, tried on the real test control plane:
 * - deploy/backend-rbac.yaml is enough for the executor and the reconciler (run with that service account's
 *   token), and no more than that;
 * - deploy/kubernetes-plugin-rbac.yaml plus the repository's app-config.kubernetes.yaml let
 *   @backstage/plugin-kubernetes's backend show a job's driver pod and SparkApplication, selected by the
 *   annotations the catalog provider puts on the job's entity.
 */

jest.setTimeout(6 * 60_000);

const deployDir = path.resolve(__dirname, '../deploy');
const namespaces = testNamespaces('ingest-dep');
const backstageNamespace = `${namespaces.draft.replace(
  /-draft$/,
  '',
)}-backstage`;
/** The manifests' fixed names, mapped to this test's own. */
const renames = {
  'ingestion-dedicated': namespaces.dedicated,
  'ingestion-vcore-hours': namespaces['vcore-hours'],
  'ingestion-draft': namespaces.draft,
  backstage: backstageNamespace,
};

let adminKubeconfig: string;
let admin: KubernetesClient;
let backendClient: KubernetesClient;
let executor: KubernetesSparkExecutor;
let run: RunSubmission;

beforeAll(async () => {
  adminKubeconfig = startTestCluster().kubeconfig;
  admin = KubernetesClient.connect({ kubeconfigPath: adminKubeconfig });
  for (const file of ['backend-rbac.yaml', 'kubernetes-plugin-rbac.yaml']) {
    for (const object of readManifest(path.join(deployDir, file), renames)) {
      await admin.apply(object);
    }
  }
  const backend = await serviceAccountKubeconfig(
    adminKubeconfig,
    backstageNamespace,
    'ingestion-backstage',
  );
  backendClient = KubernetesClient.connect({
    kubeconfigPath: backend.kubeconfig,
  });
});

afterAll(async () => {
  await executor?.stop();
  if (admin) {
    await deleteNamespaces(admin, [
      ...Object.values(namespaces),
      backstageNamespace,
    ]);
  }
});

describe('deploy/backend-rbac.yaml', () => {
  it('lets the backend reconcile the namespaces, and run, follow and adopt a run', async () => {
    const options = testExecutorOptions(adminKubeconfig, namespaces);
    await new NamespaceReconciler({
      client: backendClient,
      options,
      logger: mockServices.logger.mock(),
    }).reconcile(
      registrySnapshot(namespaces, {
        dedicated: 2,
        'vcore-hours': 2,
        draft: 2,
      }),
    );
    await waitFor(
      'the dedicated quota to be enforced',
      async () =>
        (
          await admin.read<KubernetesObject & { status?: any }>(
            'v1',
            'ResourceQuota',
            'spark-units',
            namespaces.dedicated,
          )
        )?.status?.hard,
      60_000,
    );

    run = runSubmission({
      runId: randomUUID(),
      jobId: randomUUID(),
      tier: 'dedicated',
      namespace: namespaces.dedicated,
      resources: {
        driverCores: 1,
        driverMemoryMiB: 1024,
        executorCores: 1,
        executorMemoryMiB: 1024,
        executorInstances: 1,
      },
    });
    executor = new KubernetesSparkExecutor({
      client: backendClient,
      options,
      logger: mockServices.logger.mock(),
      driverAnnotations: () => ({ 'ingest.test/run-duration': '10m' }),
    });
    executor.start();
    await executor.submit(run);
    await waitFor(
      'the run to be running',
      async () =>
        (await executor.observe(run.runId))?.state === 'running'
          ? true
          : undefined,
      4 * 60_000,
    );
    expect((await executor.listActive()).map(o => o.runId)).toEqual([
      run.runId,
    ]);
  });

  it('does not let the backend touch anything outside the ingestion namespaces', async () => {
    await expect(
      backendClient.create({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'not-mine', namespace: 'default' },
      }),
    ).rejects.toMatchObject({ code: 403 });
    await expect(
      backendClient.list('v1', 'Pod', 'kube-system'),
    ).rejects.toMatchObject({ code: 403 });
  });
});

describe('app-config.kubernetes.yaml with deploy/kubernetes-plugin-rbac.yaml', () => {
  it('shows a job’s driver pod and SparkApplication on its entity’s Kubernetes tab', async () => {
    const viewer = await serviceAccountKubeconfig(
      adminKubeconfig,
      backstageNamespace,
      'backstage-kubernetes-viewer',
    );
    // The entity as the catalog provider writes it for the job.
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'orders-hourly',
        namespace: 'default',
        annotations: {
          'backstage.io/kubernetes-label-selector': `ingestion.backstage.io/job-id=${run.jobId}`,
          'backstage.io/kubernetes-namespace': namespaces.dedicated,
        },
      },
      spec: { type: 'ingestion-job', owner: 'group:default/team-orion' },
    };
    const backend = await startKubernetesTabBackend({
      configFiles: [path.join(repoRoot, 'app-config.kubernetes.yaml')],
      env: {
        INGESTION_SPARK_IMAGE: 'registry.invalid/ingestion-spark:test',
        INGESTION_K8S_API_URL: viewer.server,
        INGESTION_K8S_VIEWER_TOKEN: viewer.token,
        INGESTION_K8S_CA_DATA: viewer.caData,
      },
      entities: [entity],
    });
    try {
      const response = await fetch(
        `${backend.baseUrl}/api/kubernetes/services/orders-hourly`,
        {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${backend.token}`,
            'Content-Type': 'application/json',
          },
          body: JSON.stringify({ entity }),
        },
      );
      expect(response.status).toBe(200);
      const [cluster] = (await response.json()).items;
      expect(cluster.cluster.name).toBe('ingestion');
      const ofType = (type: string) =>
        cluster.resources.find((r: any) => r.type === type)?.resources ?? [];
      expect(ofType('pods').map((p: any) => p.metadata.name)).toEqual([
        `ingest-${run.runId}-driver`,
      ]);
      expect(
        ofType('customresources').map((r: any) => r.metadata.name),
      ).toEqual([`ingest-${run.runId}`]);
      expect(cluster.errors).toEqual([]);
    } finally {
      await backend.stop();
    }
  });

  it('cancels the run with the backend’s token too', async () => {
    await executor.cancel(run.runId);
    expect(await executor.observe(run.runId)).toMatchObject({
      state: 'cancelled',
    });
  });
});
