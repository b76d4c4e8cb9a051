import { LoggerService } from '@backstage/backend-plugin-api';
import {
  NAMESPACE_TIERS,
  RegistrySnapshot,
} from '@internal/backstage-plugin-ingestion-common';
import {
  EgressRule,
  KubernetesExecutorOptions,
} from '../config/KubernetesExecutorOptions';
import { KubernetesClient } from '../kubernetes/KubernetesClient';
import { buildDriverAccess } from './buildDriverAccess';
import { buildLimitRange } from './buildLimitRange';
import { buildNamespace } from './buildNamespace';
import {
  NAMESPACE_POLICIES,
  buildNamespacePolicies,
} from './buildNamespacePolicies';
import {
  buildLentCapacityQuota,
  buildResourceQuota,
} from './buildResourceQuota';
import { discoverApiServer } from './discoverApiServer';
import { buildPriorityClasses } from './priorityClasses';

/** What one reconciliation set, for logs and tests. */
export interface NamespaceReconcileReport {
  namespaces: Array<{
    namespace: string;
    tier: string;
    cpu?: string;
    memory?: string;
  }>;
}

/**
 * Keeps the cluster's ingestion namespaces as the Spark Unit registry and the configuration say: the three
 * namespaces (labelled by tier), a ResourceQuota `spark-units` each from the registry, a LimitRange, the driver
 * service account and Role, the namespace NetworkPolicies and the ingestion PriorityClasses. Everything is
 * server-side applied under one field manager, so running it again (on every registry event, periodically, from
 * several replicas) changes nothing unless something drifted; objects others added are left alone.
 */
export class NamespaceReconciler {
  readonly #client: KubernetesClient;
  readonly #options: KubernetesExecutorOptions;
  readonly #logger: LoggerService;
  #apiServer?: EgressRule[];
  /** Reconciliations run one at a time: a registry event may arrive while the periodic one is running. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(deps: {
    client: KubernetesClient;
    options: KubernetesExecutorOptions;
    logger: LoggerService;
  }) {
    this.#client = deps.client;
    this.#options = deps.options;
    this.#logger = deps.logger;
  }

  reconcile(registry: RegistrySnapshot): Promise<NamespaceReconcileReport> {
    const next = this.#queue.then(
      () => this.#reconcile(registry),
      () => this.#reconcile(registry),
    );
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #reconcile(
    registry: RegistrySnapshot,
  ): Promise<NamespaceReconcileReport> {
    const client = this.#client;
    for (const priorityClass of buildPriorityClasses()) {
      await client.apply(priorityClass);
    }
    const apiServer = await this.#apiServerEgress();
    const report: NamespaceReconcileReport = { namespaces: [] };

    for (const tier of NAMESPACE_TIERS) {
      const namespace = this.#options.namespaces[tier];
      await client.apply(buildNamespace(namespace, tier));

      const allocation = registry.namespaces.find(n => n.tier === tier);
      if (allocation) {
        if (allocation.namespace !== namespace) {
          this.#logger.warn(
            `The Spark Unit registry places tier ${tier} in namespace ${allocation.namespace}, this backend's configuration in ${namespace}: check ingestion.namespaces.${tier}.name on every replica`,
          );
        }
        const quota = buildResourceQuota({ ...allocation, namespace });
        await client.apply(quota);
        if (tier === 'dedicated') {
          await client.apply(
            buildLentCapacityQuota({ ...allocation, namespace }),
          );
        }
        const hard = (quota.spec as { hard: Record<string, string> }).hard;
        report.namespaces.push({
          namespace,
          tier,
          cpu: hard['limits.cpu'],
          memory: hard['limits.memory'],
        });
      } else {
        // Never guess a quota: an absent tier keeps whatever quota it had.
        this.#logger.warn(
          `The Spark Unit registry has no entry for tier ${tier}: quota of ${namespace} left unchanged`,
        );
        report.namespaces.push({ namespace, tier });
      }

      await client.apply(buildLimitRange(namespace));
      for (const object of buildDriverAccess(
        namespace,
        this.#options.serviceAccount,
      )) {
        await client.apply(object);
      }
      const policies = buildNamespacePolicies(namespace, {
        dnsNamespace: this.#options.networkPolicy.dnsNamespace,
        apiServer,
        additionalEgress: this.#options.networkPolicy.additionalEgress,
      });
      for (const policy of policies) {
        await client.apply(policy);
      }
      // Optional policies that are no longer wanted (their configuration was removed) go.
      const wanted = new Set(policies.map(p => p.metadata.name));
      for (const name of Object.values(NAMESPACE_POLICIES)) {
        if (!wanted.has(name)) {
          await client.delete(
            'networking.k8s.io/v1',
            'NetworkPolicy',
            name,
            namespace,
          );
        }
      }
    }
    this.#logger.info(
      `Ingestion namespaces reconciled: ${report.namespaces
        .map(
          n =>
            `${n.namespace} (${n.cpu ?? '?'} cpu, ${n.memory ?? '?'} memory)`,
        )
        .join(', ')}`,
    );
    return report;
  }

  async #apiServerEgress(): Promise<EgressRule[]> {
    if (this.#options.networkPolicy.apiServer) {
      return this.#options.networkPolicy.apiServer;
    }
    if (!this.#apiServer) {
      const discovered = await discoverApiServer(this.#client);
      if (discovered.length === 0) {
        this.#logger.warn(
          "Could not find the Kubernetes API server's addresses for the drivers' NetworkPolicy: set ingestion.executors.kubernetes.networkPolicy.apiServer, or drivers cannot start executors",
        );
        return [];
      }
      // API server addresses rarely change; a restart of the backend picks up new ones.
      this.#apiServer = discovered;
    }
    return this.#apiServer;
  }
}
