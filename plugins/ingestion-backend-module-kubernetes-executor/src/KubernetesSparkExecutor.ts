import { LoggerService } from '@backstage/backend-plugin-api';
import { NAMESPACE_TIERS } from '@internal/backstage-plugin-ingestion-common';
import {
  IngestionExecutor,
  RunObservation,
  RunSubmission,
} from '@internal/backstage-plugin-ingestion-node';
import { KubernetesExecutorOptions } from './config/KubernetesExecutorOptions';
import { isAlreadyExists } from './kubernetes/apiErrors';
import { KubernetesClient } from './kubernetes/KubernetesClient';
import { ownerReferenceTo } from './kubernetes/KubernetesObject';
import { ANNOTATIONS, LABELS, MANAGED_SELECTOR } from './naming/labels';
import { tenantSecretName } from './naming/tenantSecretName';
import {
  jobConfigMapName,
  runNetworkPolicyName,
  sparkApplicationName,
} from './naming/sparkApplicationName';
import { buildRunNetworkPolicy } from './network/buildRunNetworkPolicy';
import { HostResolver, resolveEgress } from './network/resolveEgress';
import { runEndpoints } from './network/runEndpoints';
import { buildJobConfigMap } from './spark/buildJobConfigMap';
import { buildSparkApplication } from './spark/buildSparkApplication';
import { SPARK_APPLICATION, SparkApplication } from './spark/SparkApplication';
import { SparkApplicationWatcher } from './spark/SparkApplicationWatcher';
import { toRunObservation } from './spark/toRunObservation';
import { withDriverOutcome } from './spark/withDriverOutcome';

/** How many cancelled runs and drivers' termination messages are remembered (oldest forgotten first). */
const MEMORY = 10_000;
const DRIVER_CONTAINER = 'spark-kubernetes-driver';

/** Dependencies and test seams of {@link KubernetesSparkExecutor}. */
export interface KubernetesSparkExecutorDeps {
  client: KubernetesClient;
  options: KubernetesExecutorOptions;
  logger: LoggerService;
  /** Resolves source/target host names for the run's NetworkPolicy; the system resolver by default. */
  resolveHost?: HostResolver;
  /**
   * Annotations for a run's driver pod: platform annotations (cost allocation, log routing), or in tests the
   * annotations kwok's Stages read (`ingest.test/fail`).
   */
  driverAnnotations?: (
    run: RunSubmission,
  ) => Record<string, string> | undefined;
}

/**
 * Runs ingestion runs as spark-operator SparkApplications (executor id `kubernetes`).
 *
 * - submit: one SparkApplication per run in the run's namespace, named after the run id; its job.json in a
 *   ConfigMap and its egress in a NetworkPolicy, both created first and then owned by the SparkApplication.
 *   Submitting a run id again changes nothing (AlreadyExists is success), as the dispatcher relies on.
 * - observe: the SparkApplication's state from a watched cache, read directly on a cache miss.
 * - cancel: deletes the SparkApplication (its pods, ConfigMap and NetworkPolicy go with it).
 * - listActive: every SparkApplication this module created, found by label in the ingestion namespaces, so a
 *   restarted backend adopts what is still there.
 *
 * All state lives in the cluster; an instance only caches it, so any number of replicas and restarts agree.
 *
 * @public
 */
export class KubernetesSparkExecutor implements IngestionExecutor {
  readonly id = 'kubernetes';
  readonly #client: KubernetesClient;
  readonly #options: KubernetesExecutorOptions;
  readonly #logger: LoggerService;
  readonly #resolveHost?: HostResolver;
  readonly #driverAnnotations?: KubernetesSparkExecutorDeps['driverAnnotations'];
  readonly #namespaces: string[];
  readonly #watcher: SparkApplicationWatcher;
  /** Runs this instance cancelled: their SparkApplication is gone, and observe() says cancelled, not unknown. */
  readonly #cancelled = new Map<string, string>();
  /** Finished runs' driver termination messages (read once from the pod: they never change afterwards). */
  readonly #driverMessages = new Map<string, string | undefined>();

  constructor(deps: KubernetesSparkExecutorDeps) {
    this.#client = deps.client;
    this.#options = deps.options;
    this.#logger = deps.logger;
    this.#resolveHost = deps.resolveHost;
    this.#driverAnnotations = deps.driverAnnotations;
    this.#namespaces = NAMESPACE_TIERS.map(t => deps.options.namespaces[t]);
    this.#watcher = new SparkApplicationWatcher({
      client: deps.client,
      namespaces: this.#namespaces,
      logger: deps.logger,
    });
  }

  /** Starts watching the ingestion namespaces. Never throws: until the watch works, reads go to the API. */
  start(): void {
    this.#watcher.start();
  }

  async stop(): Promise<void> {
    await this.#watcher.stop();
  }

  /**
   * Whether the tenant's Secret exists in every ingestion namespace (a job runs in draft first, then in its
   * pool's namespace), read as metadata only. With `tenant-scoped` naming the name itself belongs to the tenant;
   * with `as-referenced` the Secret must also carry the tenant in its `ingestion.backstage.io/tenant-ref`
   * annotation, so a name alone never reaches another tenant's Secret.
   */
  async hasSecret(tenant: string, name: string): Promise<boolean> {
    const { secretNaming } = this.#options;
    let secretName: string;
    try {
      secretName = tenantSecretName(tenant, name, secretNaming);
    } catch {
      return false;
    }
    for (const namespace of this.#namespaces) {
      const metadata = await this.#client.readMetadata(
        'v1',
        'Secret',
        secretName,
        namespace,
      );
      if (!metadata) return false;
      if (
        secretNaming === 'as-referenced' &&
        metadata.annotations?.[ANNOTATIONS.tenantRef] !== tenant
      ) {
        return false;
      }
    }
    return true;
  }

  async submit(run: RunSubmission): Promise<void> {
    if (!this.#namespaces.includes(run.namespace)) {
      // Only the ingestion namespaces have the quotas and network policies that confine a run.
      throw new Error(
        `namespace ${
          run.namespace
        } is not an ingestion namespace (${this.#namespaces.join(', ')})`,
      );
    }
    const existing = await this.#find(run.runId, run.namespace);
    if (existing) {
      this.#assertSameRun(existing, run.runId);
      await this.#adoptDependents(run, existing);
      return;
    }

    const app = buildSparkApplication(run, this.#options, {
      driverAnnotations: this.#driverAnnotations?.(run),
    });
    const egress = await resolveEgress(runEndpoints(run), this.#resolveHost);
    // The driver must never start without its job.json or its egress rules: they exist before it does.
    await this.#client.apply(buildJobConfigMap(run));
    await this.#client.apply(buildRunNetworkPolicy(run, egress));
    let created: SparkApplication;
    try {
      created = await this.#client.create(app);
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      // Another replica (or an earlier attempt whose answer was lost) created it: the same run, not a new one.
      created = (await this.#read(app.metadata.name, run.namespace))!;
      if (!created) throw error;
      this.#assertSameRun(created, run.runId);
    }
    const owner = ownerReferenceTo(created);
    await this.#client.apply(buildJobConfigMap(run, owner));
    await this.#client.apply(buildRunNetworkPolicy(run, egress, owner));
    this.#logger.info(
      `Run ${run.runId} submitted as SparkApplication ${run.namespace}/${app.metadata.name}`,
    );
  }

  async observe(runId: string): Promise<RunObservation | undefined> {
    const app = await this.#find(runId);
    const cancelledAt = this.#cancelled.get(runId);
    if (!app || cancelledAt) {
      return cancelledAt
        ? { runId, state: 'cancelled', finishedAt: cancelledAt }
        : undefined;
    }
    const observation = toRunObservation(runId, app);
    if (observation.state === 'succeeded' || observation.state === 'failed') {
      return withDriverOutcome(
        observation,
        await this.#driverMessage(runId, app),
      );
    }
    return observation;
  }

  async cancel(runId: string): Promise<void> {
    const name = sparkApplicationName(runId);
    const cached = this.#watcher.get(name);
    const namespaces = cached?.metadata.namespace
      ? [cached.metadata.namespace]
      : this.#namespaces;
    let deleted = false;
    for (const namespace of namespaces) {
      // Deleting the SparkApplication deletes its driver (which owns its executors); the ConfigMap and
      // NetworkPolicy are deleted explicitly too, in case a crash left them without their owner.
      const gone = await this.#client.delete(
        SPARK_APPLICATION.apiVersion,
        SPARK_APPLICATION.kind,
        name,
        namespace,
      );
      await this.#client.delete(
        'v1',
        'ConfigMap',
        jobConfigMapName(runId),
        namespace,
      );
      await this.#client.delete(
        'networking.k8s.io/v1',
        'NetworkPolicy',
        runNetworkPolicyName(runId),
        namespace,
      );
      deleted ||= gone;
    }
    remember(this.#cancelled, runId, new Date().toISOString());
    if (deleted) {
      this.#logger.info(
        `Run ${runId} cancelled: SparkApplication ${name} deleted`,
      );
    }
  }

  async listActive(): Promise<RunObservation[]> {
    const runs = new Map<string, RunObservation>();
    for (const namespace of this.#namespaces) {
      // Straight from the API, not the cache: this is what a restarted backend adopts before its watch is up.
      const apps = await this.#client.list<SparkApplication>(
        SPARK_APPLICATION.apiVersion,
        SPARK_APPLICATION.kind,
        namespace,
        MANAGED_SELECTOR,
      );
      for (const app of apps) {
        if (app.metadata.deletionTimestamp) continue;
        const runId =
          app.metadata.annotations?.[ANNOTATIONS.runId] ??
          app.metadata.labels?.[LABELS.runId];
        if (runId && !runs.has(runId)) {
          runs.set(runId, toRunObservation(runId, app));
        }
      }
    }
    return [...runs.values()];
  }

  /** The run's SparkApplication: from the watched cache, else read (in `namespace`, or every ingestion one). */
  async #find(
    runId: string,
    namespace?: string,
  ): Promise<SparkApplication | undefined> {
    const name = sparkApplicationName(runId);
    const cached = this.#watcher.get(name);
    if (cached) return cached;
    for (const ns of namespace ? [namespace] : this.#namespaces) {
      const app = await this.#read(name, ns);
      if (app) return app;
    }
    return undefined;
  }

  #read(name: string, namespace: string) {
    return this.#client.read<SparkApplication>(
      SPARK_APPLICATION.apiVersion,
      SPARK_APPLICATION.kind,
      name,
      namespace,
    );
  }

  #assertSameRun(app: SparkApplication, runId: string) {
    const owner = app.metadata.annotations?.[ANNOTATIONS.runId];
    if (owner !== runId) {
      throw new Error(
        `SparkApplication ${app.metadata.namespace}/${
          app.metadata.name
        } belongs to run ${owner ?? 'unknown'}, not ${runId}`,
      );
    }
  }

  /**
   * A resubmitted run whose SparkApplication exists: make sure its ConfigMap and NetworkPolicy are there and
   * owned by it (a crash between creating them and the SparkApplication leaves them unowned). The run exists
   * either way, so a failure here is logged, not reported as a failed submission.
   */
  async #adoptDependents(run: RunSubmission, app: SparkApplication) {
    try {
      const owner = ownerReferenceTo(app);
      const egress = await resolveEgress(runEndpoints(run), this.#resolveHost);
      await this.#client.apply(buildJobConfigMap(run, owner));
      await this.#client.apply(buildRunNetworkPolicy(run, egress, owner));
    } catch (error) {
      this.#logger.warn(
        `Run ${run.runId} already has SparkApplication ${
          app.metadata.name
        }; could not refresh its ConfigMap or NetworkPolicy: ${
          (error as Error).message
        }`,
      );
    }
  }

  /** The driver container's termination message, read once per finished run. */
  async #driverMessage(
    runId: string,
    app: SparkApplication,
  ): Promise<string | undefined> {
    if (this.#driverMessages.has(runId)) return this.#driverMessages.get(runId);
    const podName = app.status?.driverInfo?.podName;
    if (!podName || !app.metadata.namespace) return undefined;
    try {
      const pod = await this.#client.read<{
        apiVersion: string;
        kind: string;
        metadata: { name: string };
        status?: {
          containerStatuses?: Array<{
            name: string;
            state?: { terminated?: { message?: string } };
          }>;
        };
      }>('v1', 'Pod', podName, app.metadata.namespace);
      const message = pod?.status?.containerStatuses?.find(
        c => c.name === DRIVER_CONTAINER,
      )?.state?.terminated?.message;
      // A pod gone (TTL, garbage collection) or not yet terminated is asked again next time.
      if (message !== undefined) remember(this.#driverMessages, runId, message);
      return message;
    } catch (error) {
      // The message completes the outcome; the outcome itself is already known.
      this.#logger.debug(
        `Could not read driver pod ${podName} of run ${runId}: ${
          (error as Error).message
        }`,
      );
      return undefined;
    }
  }
}

function remember<V>(map: Map<string, V>, key: string, value: V) {
  map.delete(key);
  map.set(key, value);
  if (map.size > MEMORY) map.delete(map.keys().next().value!);
}
