import { LoggerService } from '@backstage/backend-plugin-api';
import type { Informer, ObjectCache } from '@kubernetes/client-node';
import { KubernetesClient } from '../kubernetes/KubernetesClient';
import { MANAGED_SELECTOR } from '../naming/labels';
import { SPARK_APPLICATION, SparkApplication } from './SparkApplication';

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 60_000;

/**
 * A watched cache of this module's SparkApplications, one informer (list, then watch) per ingestion namespace,
 * so that the dispatcher's observe() every few seconds costs no API request per run. A watch that fails (API
 * server restart, network) is started again with exponential backoff (1 s to 60 s); it continues from the last
 * resource version it saw, or lists again when that version has expired. The cache may lag or be empty (not yet
 * listed, watch broken): callers fall back to reading the object.
 */
export class SparkApplicationWatcher {
  readonly #client: KubernetesClient;
  readonly #namespaces: string[];
  readonly #logger: LoggerService;
  readonly #informers = new Map<
    string,
    Informer<SparkApplication> & ObjectCache<SparkApplication>
  >();
  readonly #retries = new Map<
    string,
    { delayMs: number; timer?: NodeJS.Timeout }
  >();
  #stopped = true;
  #failures = 0;

  constructor(deps: {
    client: KubernetesClient;
    namespaces: string[];
    logger: LoggerService;
  }) {
    this.#client = deps.client;
    this.#namespaces = deps.namespaces;
    this.#logger = deps.logger;
  }

  /** Starts watching every namespace; never throws (failures are retried and logged). */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    for (const namespace of this.#namespaces) {
      const informer = this.#client.informer<SparkApplication>(
        SPARK_APPLICATION.apiVersion,
        SPARK_APPLICATION.kind,
        namespace,
        MANAGED_SELECTOR,
        () => this.#recovered(namespace),
      );
      informer.on('error', error => this.#retryLater(namespace, error));
      this.#informers.set(namespace, informer);
      this.#run(namespace);
    }
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    for (const retry of this.#retries.values()) clearTimeout(retry.timer);
    await Promise.all([...this.#informers.values()].map(i => i.stop()));
    this.#informers.clear();
  }

  /** The cached SparkApplication of that name in any watched namespace. */
  get(name: string): SparkApplication | undefined {
    for (const [namespace, informer] of this.#informers) {
      const app = informer.get(name, namespace);
      if (app) return app;
    }
    return undefined;
  }

  /** The watch runs again: the next failure starts a new backoff, and is worth a warning again. */
  #recovered(namespace: string) {
    const retry = this.#retries.get(namespace);
    if (retry && retry.delayMs > FIRST_RETRY_MS) {
      this.#logger.info(`Watching SparkApplications in ${namespace} again`);
    }
    this.#retries.set(namespace, { delayMs: FIRST_RETRY_MS });
  }

  #run(namespace: string) {
    const informer = this.#informers.get(namespace);
    if (!informer || this.#stopped) return;
    const failuresBefore = this.#failures;
    informer.start().then(
      () => {
        // start() also resolves after a failure it reported through 'error'.
        if (this.#failures === failuresBefore) this.#recovered(namespace);
      },
      error => this.#retryLater(namespace, error),
    );
  }

  #retryLater(namespace: string, error: unknown) {
    this.#failures += 1;
    if (this.#stopped) return;
    const retry = this.#retries.get(namespace) ?? { delayMs: FIRST_RETRY_MS };
    clearTimeout(retry.timer);
    const message = `Watch of SparkApplications in ${namespace} failed (${
      (error as Error)?.message ?? error
    }); retrying in ${retry.delayMs / 1000}s`;
    // The first failure is worth a warning; a long outage should not flood the log.
    if (retry.delayMs === FIRST_RETRY_MS) this.#logger.warn(message);
    else this.#logger.debug(message);
    const timer = setTimeout(() => this.#run(namespace), retry.delayMs);
    timer.unref?.();
    this.#retries.set(namespace, {
      delayMs: Math.min(retry.delayMs * 2, MAX_RETRY_MS),
      timer,
    });
  }
}
