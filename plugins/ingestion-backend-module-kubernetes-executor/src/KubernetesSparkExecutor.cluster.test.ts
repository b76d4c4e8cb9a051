import { mockServices } from '@backstage/backend-test-utils';
import {
  ExecutorRunState,
  RunObservation,
  RunSubmission,
} from '@internal/backstage-plugin-ingestion-node';
import { randomUUID } from 'node:crypto';
import { KubernetesExecutorOptions } from './config/KubernetesExecutorOptions';
import { KubernetesClient } from './kubernetes/KubernetesClient';
import { KubernetesObject } from './kubernetes/KubernetesObject';
import { KubernetesSparkExecutor } from './KubernetesSparkExecutor';
import { NamespaceReconciler } from './namespaces/NamespaceReconciler';
import { SparkApplication } from './spark/SparkApplication';
import { tenantSecretName } from './naming/tenantSecretName';
import { testExecutorOptions } from './__testUtils__/executorOptions';
import { registrySnapshot } from './__testUtils__/registry';
import { runSubmission } from './__testUtils__/runSubmission';
import {
  deleteNamespaces,
  startTestCluster,
  testNamespaces,
  waitFor,
} from './__testUtils__/testCluster';

/*
 * Real runs through the real control plane: the executor creates SparkApplications, spark-operator v2.5.2 runs
 * spark-submit for each (a JVM, 20-25 s on a busy 2-core machine), which creates the driver pod; kwok plays the
 * driver: Running, then Succeeded after 5 s, or Failed with the driver annotation ingest.test/fail=true
 * (test-infra/kubernetes/kwok/spark-driver-stages.yaml). The runs are submitted together up front so their
 * spark-submits overlap; each test then follows its own run.
 */

jest.setTimeout(6 * 60_000);
const RUN_TIMEOUT_MS = 4 * 60_000;

const namespaces = testNamespaces('ingest-ex');
let client: KubernetesClient;
let options: KubernetesExecutorOptions;
let executor: KubernetesSparkExecutor;
const executors: KubernetesSparkExecutor[] = [];

/** Driver annotations per run id: how a test tells kwok to fail a run or keep it running. */
const kwokAnnotations = new Map<string, Record<string, string>>();

function newExecutor(): KubernetesSparkExecutor {
  const created = new KubernetesSparkExecutor({
    client,
    options,
    logger: mockServices.logger.mock(),
    driverAnnotations: run => kwokAnnotations.get(run.runId),
  });
  executors.push(created);
  return created;
}

function testRun(
  tier: RunSubmission['tier'],
  overrides: Partial<RunSubmission> = {},
  annotations: Record<string, string> = {},
): RunSubmission {
  const submission = runSubmission({
    runId: randomUUID(),
    jobId: randomUUID(),
    tier,
    namespace: namespaces[tier],
    resources: {
      driverCores: 1,
      driverMemoryMiB: 1024,
      executorCores: 1,
      executorMemoryMiB: 1024,
      executorInstances: 2,
    },
    ...overrides,
  });
  kwokAnnotations.set(submission.runId, {
    'ingest.test/run-duration': '5s',
    ...annotations,
  });
  return submission;
}

/**
 * Every distinct state observe() reported for each run, recorded from the moment of submission (every 200 ms,
 * as a dispatcher would poll, only faster), so each test sees its run's whole history.
 */
const history = new Map<string, ExecutorRunState[]>();
let recording = false;

async function record(runIds: string[]) {
  recording = true;
  while (recording) {
    for (const runId of runIds) {
      const seen = await executor.observe(runId).catch(() => undefined);
      const states = history.get(runId) ?? [];
      if (seen && states.at(-1) !== seen.state) states.push(seen.state);
      history.set(runId, states);
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

const ENDED: ExecutorRunState[] = ['succeeded', 'failed', 'cancelled'];

/** The run's recorded states once it has ended, and its final observation. */
async function follow(
  runId: string,
): Promise<{ states: ExecutorRunState[]; last: RunObservation }> {
  await waitFor(
    `run ${runId} to end (seen so far: ${history.get(runId)?.join(' -> ')})`,
    async () =>
      ENDED.includes(history.get(runId)?.at(-1)!) ? true : undefined,
    RUN_TIMEOUT_MS,
    200,
  );
  return {
    states: history.get(runId)!,
    last: (await executor.observe(runId))!,
  };
}

const readApp = (submission: RunSubmission) =>
  client.read<SparkApplication>(
    'sparkoperator.k8s.io/v1beta2',
    'SparkApplication',
    `ingest-${submission.runId}`,
    submission.namespace,
  );

const quotaComputed = (namespace: string) =>
  waitFor(
    `quota of ${namespace} computed`,
    async () =>
      (
        await client.read<KubernetesObject & { status?: any }>(
          'v1',
          'ResourceQuota',
          'spark-units',
          namespace,
        )
      )?.status?.hard,
    60_000,
  );

type Pod = KubernetesObject & { spec: any; status?: any };

let succeeding: RunSubmission;
let failing: RunSubmission;
let longRunning: RunSubmission;
let tooBig: RunSubmission;
let submittedAt: number;

beforeAll(async () => {
  const { kubeconfig } = startTestCluster();
  client = KubernetesClient.connect({ kubeconfigPath: kubeconfig });
  options = testExecutorOptions(kubeconfig, namespaces);
  await new NamespaceReconciler({
    client,
    options,
    logger: mockServices.logger.mock(),
  }).reconcile(
    registrySnapshot(namespaces, { dedicated: 4, 'vcore-hours': 4, draft: 1 }),
  );
  // spark-submit's pods are refused until the quota controller has computed each quota's status.
  await Promise.all(Object.values(namespaces).map(quotaComputed));

  executor = newExecutor();
  executor.start();
  succeeding = testRun('dedicated');
  failing = testRun('vcore-hours', {}, { 'ingest.test/fail': 'true' });
  longRunning = testRun(
    'vcore-hours',
    { opportunistic: true },
    {
      'ingest.test/run-duration': '10m',
    },
  );
  // 3 driver cores in a namespace of 2 (one Spark Unit): the API server refuses the driver pod.
  tooBig = testRun('draft', {
    resources: {
      driverCores: 3,
      driverMemoryMiB: 1024,
      executorCores: 1,
      executorMemoryMiB: 1024,
      executorInstances: 1,
    },
  });
  submittedAt = Date.now();
  const runs = [succeeding, failing, longRunning, tooBig];
  for (const submission of runs) {
    await executor.submit(submission);
  }
  record(runs.map(r => r.runId));
});

afterAll(async () => {
  recording = false;
  await Promise.all(executors.map(e => e.stop()));
  if (client) await deleteNamespaces(client, Object.values(namespaces));
});

describe('KubernetesSparkExecutor on a real cluster with spark-operator', () => {
  it('submits a run as a SparkApplication with the run’s resources and labels', async () => {
    const app = (await readApp(succeeding))!;
    const labels = {
      'app.kubernetes.io/managed-by': 'ingestion-backstage',
      'ingestion.backstage.io/tenant': 'group.default.team-orion',
      'ingestion.backstage.io/job-id': succeeding.jobId,
      'ingestion.backstage.io/run-id': succeeding.runId,
      'ingestion.backstage.io/tier': 'dedicated',
      'ingestion.backstage.io/opportunistic': 'false',
    };
    expect(app.metadata.labels).toEqual(labels);
    expect(app.spec.driver).toMatchObject({
      cores: 1,
      coreLimit: '1',
      memory: '512m',
      memoryOverhead: '512m',
      labels,
      priorityClassName: 'ingestion-dedicated',
    });
    expect(app.spec.executor).toMatchObject({
      instances: 2,
      cores: 1,
      coreLimit: '1',
      memory: '640m',
      memoryOverhead: '384m',
      labels,
    });
    expect(app.spec).toMatchObject({
      image: 'registry.invalid/ingestion-spark:test',
      restartPolicy: { type: 'Never' },
      timeToLiveSeconds: 3600,
    });

    const configMap = await client.read<KubernetesObject & { data: any }>(
      'v1',
      'ConfigMap',
      `ingest-${succeeding.runId}-job`,
      succeeding.namespace,
    );
    expect(JSON.parse(configMap!.data['job.json'])).toMatchObject({
      runId: succeeding.runId,
      source: { type: 'postgres', host: '10.20.30.40' },
    });
    expect(configMap!.data['job.json']).not.toContain('credentialsSecret');
    expect(configMap!.metadata.ownerReferences).toEqual([
      expect.objectContaining({
        kind: 'SparkApplication',
        uid: app.metadata.uid,
      }),
    ]);
  });

  it('follows a run through submitted, running and succeeded', async () => {
    const { states, last } = await follow(succeeding.runId);
    process.stdout.write(
      `[kubernetes-executor tests] submit to COMPLETED: ${(
        (Date.now() - submittedAt) /
        1000
      ).toFixed(1)} s\n`,
    );
    expect(states).toEqual(['submitted', 'running', 'succeeded']);
    expect(Date.parse(last.finishedAt!)).toBeGreaterThanOrEqual(
      Date.parse(last.startedAt!),
    );
    expect((await readApp(succeeding))?.status?.applicationState?.state).toBe(
      'COMPLETED',
    );
  });

  it('gives the driver pod the labels, priority, credentials and job.json of its run', async () => {
    const driver = (await client.read<Pod>(
      'v1',
      'Pod',
      `ingest-${succeeding.runId}-driver`,
      succeeding.namespace,
    ))!;
    expect(driver.metadata.labels).toMatchObject({
      'ingestion.backstage.io/job-id': succeeding.jobId,
      'ingestion.backstage.io/run-id': succeeding.runId,
      'spark-role': 'driver',
    });
    expect(driver.spec.priorityClassName).toBe('ingestion-dedicated');
    expect(driver.spec.priority).toBe(100000);
    expect(driver.spec.serviceAccountName).toBe('ingestion-spark');
    const container = driver.spec.containers.find(
      (c: any) => c.name === 'spark-kubernetes-driver',
    );
    // The pod asks for exactly the allocation: 1 core, 1024 MiB (heap + overhead).
    expect(container.resources).toEqual({
      requests: { cpu: '1', memory: '1Gi' },
      limits: { cpu: '1', memory: '1Gi' },
    });
    const secretEnv = container.env.filter(
      (e: any) => e.valueFrom?.secretKeyRef,
    );
    expect(
      secretEnv.map((e: any) => [
        e.name,
        e.valueFrom.secretKeyRef.name,
        e.valueFrom.secretKeyRef.key,
      ]),
    ).toEqual([
      ['INGEST_SOURCE_USER', 'team-orion-b0406b2aea.orders-db', 'user'],
      ['INGEST_SOURCE_PASSWORD', 'team-orion-b0406b2aea.orders-db', 'password'],
      [
        'INGEST_S3_ACCESS_KEY',
        'team-orion-b0406b2aea.lake-writer',
        'accessKey',
      ],
      [
        'INGEST_S3_SECRET_KEY',
        'team-orion-b0406b2aea.lake-writer',
        'secretKey',
      ],
    ]);
    expect(container.volumeMounts).toContainEqual(
      expect.objectContaining({
        name: 'job-config',
        mountPath: '/etc/ingestion',
      }),
    );
    expect(driver.spec.volumes).toContainEqual(
      expect.objectContaining({
        name: 'job-config',
        configMap: expect.objectContaining({
          name: `ingest-${succeeding.runId}-job`,
        }),
      }),
    );
  });

  it('reports a failed driver as a failed run, with the driver’s reason', async () => {
    const { states, last } = await follow(failing.runId);
    expect(states).toEqual(['submitted', 'running', 'failed']);
    expect(last.message).toBe(
      'the Spark application failed: driver container failed with ExitCode: 1, Reason: Error: simulated driver failure (ingest.test/fail)',
    );
    expect((await readApp(failing))?.status?.applicationState?.state).toBe(
      'FAILED',
    );
  });

  it('reports a run the namespace quota refuses as failed, with the API server’s refusal', async () => {
    const { states, last } = await follow(tooBig.runId);
    expect(states).toEqual(['submitted', 'failed']);
    expect(last.message).toMatch(
      /^the run could not start: pods "ingest-[-0-9a-f]+-driver" is forbidden: exceeded quota: spark-units, requested: limits.cpu=3,requests.cpu=3, used: limits.cpu=0,requests.cpu=0, limited: limits.cpu=2,requests.cpu=2$/,
    );
  });

  it('cancels a running run: its SparkApplication, pods, ConfigMap and NetworkPolicy go', async () => {
    await waitFor(
      'the long run to be running',
      async () =>
        (await executor.observe(longRunning.runId))?.state === 'running'
          ? true
          : undefined,
      RUN_TIMEOUT_MS,
    );
    const driverName = `ingest-${longRunning.runId}-driver`;
    const driver = await client.read<Pod>(
      'v1',
      'Pod',
      driverName,
      longRunning.namespace,
    );
    expect(driver?.spec.priorityClassName).toBe('ingestion-opportunistic');
    expect(driver?.spec.terminationGracePeriodSeconds).toBe(10);

    await executor.cancel(longRunning.runId);
    expect(await readApp(longRunning)).toBeUndefined();
    for (const [kind, apiVersion, name] of [
      ['ConfigMap', 'v1', `ingest-${longRunning.runId}-job`],
      [
        'NetworkPolicy',
        'networking.k8s.io/v1',
        `ingest-${longRunning.runId}-egress`,
      ],
    ]) {
      expect(
        await client.read(apiVersion, kind, name, longRunning.namespace),
      ).toBeUndefined();
    }
    // The garbage collector removes the driver pod, which the SparkApplication owned.
    await waitFor(
      'the driver pod to be deleted',
      async () => {
        const pod = await client.read<Pod>(
          'v1',
          'Pod',
          driverName,
          longRunning.namespace,
        );
        return !pod || pod.metadata.deletionTimestamp ? true : undefined;
      },
      60_000,
    );
    expect(await executor.observe(longRunning.runId)).toMatchObject({
      runId: longRunning.runId,
      state: 'cancelled',
    });
    expect((await follow(longRunning.runId)).states).toEqual([
      'submitted',
      'running',
      'cancelled',
    ]);
    // Cancelling again, or a run nobody knows, is a no-op.
    await executor.cancel(longRunning.runId);
    await executor.cancel(randomUUID());
    // Another instance (after a restart) has no record of the cancel: the run is simply gone.
    expect(await newExecutor().observe(longRunning.runId)).toBeUndefined();
  });

  it('gives each run a NetworkPolicy that selects its pods and opens its source and target', async () => {
    const policy = await client.read<KubernetesObject & { spec: any }>(
      'networking.k8s.io/v1',
      'NetworkPolicy',
      `ingest-${failing.runId}-egress`,
      failing.namespace,
    );
    const sameRun = {
      podSelector: {
        matchLabels: { 'ingestion.backstage.io/run-id': failing.runId },
      },
    };
    expect(policy?.spec.podSelector).toEqual(sameRun.podSelector);
    expect(policy?.spec.ingress).toEqual([{ from: [sameRun] }]);
    expect(policy?.spec.egress).toEqual([
      { to: [sameRun] },
      {
        to: [{ ipBlock: { cidr: '10.20.30.40/32' } }],
        ports: [{ protocol: 'TCP', port: 5432 }],
      },
      {
        to: [{ ipBlock: { cidr: '10.20.30.50/32' } }],
        ports: [{ protocol: 'TCP', port: 9000 }],
      },
    ]);
  });

  it('lets a restarted backend adopt its runs by label, and never submits a run twice', async () => {
    const restarted = newExecutor();
    const adopted = await restarted.listActive();
    const ours = [succeeding, failing, tooBig].map(r => r.runId).sort();
    expect(adopted.map(o => o.runId).sort()).toEqual(ours);
    expect(Object.fromEntries(adopted.map(o => [o.runId, o.state]))).toEqual({
      [succeeding.runId]: 'succeeded',
      [failing.runId]: 'failed',
      [tooBig.runId]: 'failed',
    });

    const before = (await readApp(succeeding))!;
    await restarted.submit(succeeding);
    const after = (await readApp(succeeding))!;
    expect(after.metadata.uid).toBe(before.metadata.uid);
    expect(after.metadata.resourceVersion).toBe(
      before.metadata.resourceVersion,
    );
    const apps = await client.list(
      'sparkoperator.k8s.io/v1beta2',
      'SparkApplication',
      succeeding.namespace,
    );
    expect(apps).toHaveLength(1);
    expect(await restarted.observe(succeeding.runId)).toMatchObject({
      state: 'succeeded',
    });
  });

  it('refuses runs outside the ingestion namespaces', async () => {
    await expect(
      executor.submit(testRun('draft', { namespace: 'kube-system' })),
    ).rejects.toThrow(/namespace kube-system is not an ingestion namespace/);
  });

  it('finds a tenant’s Secret by metadata in every ingestion namespace, and never another tenant’s', async () => {
    const owner = 'group:default/team-secrets';
    const secretName = tenantSecretName(owner, 'orders-db');
    expect(await executor.hasSecret(owner, 'orders-db')).toBe(false);
    const tiers = Object.values(namespaces);
    for (const namespace of tiers.slice(0, -1)) {
      await client.create({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: secretName, namespace },
        stringData: { user: 'reader', password: 'not-read-by-the-backend' },
      } as KubernetesObject);
    }
    // Missing from one namespace: a run there could not start.
    expect(await executor.hasSecret(owner, 'orders-db')).toBe(false);
    await client.create({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: secretName, namespace: tiers.at(-1)! },
      stringData: { user: 'reader', password: 'not-read-by-the-backend' },
    } as KubernetesObject);
    expect(await executor.hasSecret(owner, 'orders-db')).toBe(true);
    expect(
      await executor.hasSecret('group:default/another-tenant', 'orders-db'),
    ).toBe(false);
  });
});
