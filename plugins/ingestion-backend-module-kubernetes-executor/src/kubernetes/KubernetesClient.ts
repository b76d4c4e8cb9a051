import {
  KubeConfig,
  makeInformer,
  type Informer,
  type ObjectCache,
} from '@kubernetes/client-node';
import { MANAGER } from '../naming/labels';
import { isNotFound } from './apiErrors';
import { KubernetesObject } from './KubernetesObject';
import { resourcePath } from './resourcePaths';
import { sendRequest } from './sendRequest';

/*
 * @kubernetes/client-node 1.x is an ES module. This package imports it statically: the backend is built to
 * CommonJS and Node 22/24 (the versions this repository supports) load an ES module through require() without
 * a flag or a warning, and Jest transforms it to CommonJS like any dependency. The `await import()` that
 * @backstage/plugin-kubernetes-backend uses (it still supports Node 20) fails under Jest without
 * --experimental-vm-modules ("A dynamic import callback was invoked without --experimental-vm-modules").
 */

/** Where the client finds its cluster and credentials. */
export interface KubernetesConnectionOptions {
  /** A kubeconfig file; without it $KUBECONFIG, ~/.kube/config, then the in-cluster service account. */
  kubeconfigPath?: string;
  context?: string;
}

/**
 * The few Kubernetes operations this module needs, over any kind (built-in or custom resource): server-side
 * apply under one field manager (so repeated reconciliations are idempotent and never fight other managers over
 * fields they own), create, read, list, delete, and informers. client-node provides the kubeconfig handling
 * (credentials, TLS, token refresh) and the watch; requests go out as plain JSON (see sendRequest).
 *
 * @public
 */
export class KubernetesClient {
  readonly #kubeConfig: KubeConfig;

  private constructor(kubeConfig: KubeConfig) {
    this.#kubeConfig = kubeConfig;
  }

  static connect(options: KubernetesConnectionOptions): KubernetesClient {
    const kubeConfig = new KubeConfig();
    if (options.kubeconfigPath) {
      kubeConfig.loadFromFile(options.kubeconfigPath);
    } else {
      kubeConfig.loadFromDefault();
    }
    if (options.context) {
      kubeConfig.setCurrentContext(options.context);
    }
    if (!kubeConfig.getCurrentCluster()) {
      throw new Error(
        'No Kubernetes cluster configured: set ingestion.executors.kubernetes.kubeconfigPath or run in a cluster',
      );
    }
    return new KubernetesClient(kubeConfig);
  }

  /** The API server URL of the current context. */
  get server(): string {
    return this.#kubeConfig.getCurrentCluster()!.server;
  }

  /** Creates or updates `object` to the given fields (server-side apply, forced: this module owns them). */
  async apply<T extends KubernetesObject>(object: T): Promise<T> {
    const { apiVersion, kind, metadata } = object;
    return sendRequest(
      this.#kubeConfig,
      'PATCH',
      resourcePath(apiVersion, kind, metadata.namespace, metadata.name),
      {
        query: { fieldManager: MANAGER, force: true },
        body: object,
        // JSON is YAML: the apply content type takes either.
        contentType: 'application/apply-patch+yaml',
      },
    );
  }

  /** Creates `object`; throws the API's 409 when it exists. */
  async create<T extends KubernetesObject>(object: T): Promise<T> {
    const { apiVersion, kind, metadata } = object;
    return sendRequest(
      this.#kubeConfig,
      'POST',
      resourcePath(apiVersion, kind, metadata.namespace),
      { query: { fieldManager: MANAGER }, body: object },
    );
  }

  /** The object, or undefined when it does not exist. */
  async read<T extends KubernetesObject>(
    apiVersion: string,
    kind: string,
    name: string,
    namespace?: string,
  ): Promise<T | undefined> {
    try {
      return await sendRequest(
        this.#kubeConfig,
        'GET',
        resourcePath(apiVersion, kind, namespace, name),
      );
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /**
   * The object's metadata (PartialObjectMetadata), or undefined when it does not exist. The API server sends no
   * content, so looking at a Secret this way never reads its values.
   */
  async readMetadata(
    apiVersion: string,
    kind: string,
    name: string,
    namespace?: string,
  ): Promise<KubernetesObject['metadata'] | undefined> {
    try {
      const partial = await sendRequest(
        this.#kubeConfig,
        'GET',
        resourcePath(apiVersion, kind, namespace, name),
        {
          accept:
            'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1',
        },
      );
      return partial.metadata;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async list<T extends KubernetesObject>(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    labelSelector?: string,
  ): Promise<T[]> {
    return (await this.#listAll<T>(apiVersion, kind, namespace, labelSelector))
      .items;
  }

  /** Every page of a list; the resource version is the snapshot's, which a watch then continues from. */
  async #listAll<T extends KubernetesObject>(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    labelSelector?: string,
  ): Promise<{ items: T[]; resourceVersion?: string }> {
    const items: T[] = [];
    let resourceVersion: string | undefined;
    let continueToken: string | undefined;
    do {
      const page = await sendRequest(
        this.#kubeConfig,
        'GET',
        resourcePath(apiVersion, kind, namespace),
        { query: { labelSelector, limit: 500, continue: continueToken } },
      );
      for (const item of page.items ?? []) {
        // List items carry no apiVersion/kind; the objects this module handles always do.
        items.push({ apiVersion, kind, ...item });
      }
      resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
      continueToken = page.metadata?.continue || undefined;
    } while (continueToken);
    return { items, resourceVersion };
  }

  /** Deletes an object and, in the background, its dependents. Returns false when it did not exist. */
  async delete(
    apiVersion: string,
    kind: string,
    name: string,
    namespace?: string,
  ): Promise<boolean> {
    try {
      await sendRequest(
        this.#kubeConfig,
        'DELETE',
        resourcePath(apiVersion, kind, namespace, name),
        { query: { propagationPolicy: 'Background' } },
      );
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  /**
   * A list-then-watch cache of the objects of a kind in one namespace matching `labelSelector`. Not started:
   * call start(), and restart it on errors. `onListed` is called after each successful full list.
   */
  informer<T extends KubernetesObject>(
    apiVersion: string,
    kind: string,
    namespace: string,
    labelSelector: string,
    onListed?: () => void,
  ): Informer<T> & ObjectCache<T> {
    const list = async () => {
      const { items, resourceVersion } = await this.#listAll<T>(
        apiVersion,
        kind,
        namespace,
        labelSelector,
      );
      onListed?.();
      return {
        apiVersion,
        kind: `${kind}List`,
        metadata: { resourceVersion },
        items,
      };
    };
    return makeInformer<T>(
      this.#kubeConfig,
      resourcePath(apiVersion, kind, namespace),
      list as never,
      labelSelector,
    );
  }
}
