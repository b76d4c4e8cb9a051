import {
  AuthService,
  DiscoveryService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { toError } from '@backstage/errors';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { EventsService } from '@backstage/plugin-events-node';
import {
  IngestionApi,
  IngestionJob,
  ingestionJobEntityRef,
  NamespaceTier,
} from '@internal/backstage-plugin-ingestion-common';
import {
  createIngestionClient,
  INGESTION_JOB_EVENTS_TOPIC,
  IngestionJobEvent,
} from '@internal/backstage-plugin-ingestion-node';
import { randomUUID } from 'node:crypto';
import { jobToEntity } from './jobToEntity';
import { readAllJobs } from './readAllJobs';
import { readProviderConfig } from './readProviderConfig';

const PROVIDER_NAME = 'ingestion-jobs';

/**
 * Services the {@link IngestionJobEntityProvider} uses.
 *
 * @public
 */
export interface IngestionJobEntityProviderOptions {
  logger: LoggerService;
  scheduler: SchedulerService;
  auth: AuthService;
  discovery: DiscoveryService;
  events: EventsService;
}

function isJobEvent(payload: unknown): payload is IngestionJobEvent {
  const event = payload as Partial<Record<string, unknown>> | undefined;
  return (
    (event?.action === 'upserted' &&
      typeof (event.job as IngestionJob | undefined)?.id === 'string') ||
    (event?.action === 'deleted' &&
      typeof event.jobId === 'string' &&
      typeof event.tenant === 'string' &&
      typeof event.name === 'string')
  );
}

/**
 * Puts every ingestion job in the catalog as a Resource of type `ingestion-job`.
 *
 * @remarks
 *
 * Job changes arrive on the `ingestion.jobs` events topic and are applied as deltas, so a created job shows up
 * within seconds and a deleted one disappears. On a schedule, all jobs are re-read through the ingestion API
 * (paged, with this plugin's own service token) and applied as a full mutation, which heals anything an event
 * missed.
 *
 * @public
 */
export class IngestionJobEntityProvider implements EntityProvider {
  /**
   * Creates the provider from `catalog.providers.ingestionJobs` and `ingestion.namespaces` config.
   *
   * @param config - the root config
   * @param options - the services it uses
   */
  static fromConfig(
    config: Config,
    options: IngestionJobEntityProviderOptions,
  ): IngestionJobEntityProvider {
    const { schedule, pageSize, namespaces } = readProviderConfig(config);
    const { auth, discovery } = options;
    return new IngestionJobEntityProvider({
      client: createIngestionClient({
        auth,
        discovery,
        credentials: () => auth.getOwnServiceCredentials(),
      }),
      events: options.events,
      logger: options.logger,
      taskRunner: options.scheduler.createScheduledTaskRunner(schedule),
      pageSize,
      namespaces,
    });
  }

  readonly #client: Pick<IngestionApi, 'listJobs'>;
  readonly #events: EventsService;
  readonly #logger: LoggerService;
  readonly #taskRunner: SchedulerServiceTaskRunner;
  readonly #pageSize: number;
  readonly #namespaces: Record<NamespaceTier, string>;
  /** The entity ref last emitted for each job id, to remove a renamed job's old entity. */
  readonly #entityRefs = new Map<string, string>();
  #connection?: EntityProviderConnection;
  /** Events that arrived while a full re-read was in flight; replayed after it, as the read may predate them. */
  #eventsDuringRefresh?: IngestionJobEvent[];

  private constructor(options: {
    client: Pick<IngestionApi, 'listJobs'>;
    events: EventsService;
    logger: LoggerService;
    taskRunner: SchedulerServiceTaskRunner;
    pageSize: number;
    namespaces: Record<NamespaceTier, string>;
  }) {
    this.#client = options.client;
    this.#events = options.events;
    this.#logger = options.logger;
    this.#taskRunner = options.taskRunner;
    this.#pageSize = options.pageSize;
    this.#namespaces = options.namespaces;
  }

  /** {@inheritdoc @backstage/plugin-catalog-node#EntityProvider.getProviderName} */
  getProviderName(): string {
    return PROVIDER_NAME;
  }

  /** {@inheritdoc @backstage/plugin-catalog-node#EntityProvider.connect} */
  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.#events.subscribe({
      id: `catalog-${PROVIDER_NAME}`,
      topics: [INGESTION_JOB_EVENTS_TOPIC],
      onEvent: async ({ eventPayload }) => {
        if (!isJobEvent(eventPayload)) {
          this.#logger.warn(
            `Ignored a malformed event on ${INGESTION_JOB_EVENTS_TOPIC}`,
          );
          return;
        }
        this.#eventsDuringRefresh?.push(eventPayload);
        await this.#applyEvent(eventPayload);
      },
    });
    const taskId = `${PROVIDER_NAME}:refresh`;
    await this.#taskRunner.run({
      id: taskId,
      fn: async () => {
        const logger = this.#logger.child({
          taskId,
          taskInstanceId: randomUUID(),
        });
        try {
          await this.refresh(logger);
        } catch (error) {
          logger.error(
            'Refreshing ingestion job entities failed',
            toError(error),
          );
        }
      },
    });
  }

  /**
   * Re-reads all jobs and replaces the provider's entities with them.
   *
   * @param logger - where to report progress
   */
  async refresh(logger: LoggerService): Promise<void> {
    const connection = this.#requireConnection();
    this.#eventsDuringRefresh = [];
    try {
      const jobs = await readAllJobs(this.#client, this.#pageSize);
      await connection.applyMutation({
        type: 'full',
        entities: jobs.map(job => ({
          entity: jobToEntity(job, this.#namespaces),
          locationKey: PROVIDER_NAME,
        })),
      });
      this.#entityRefs.clear();
      for (const job of jobs) {
        this.#entityRefs.set(job.id, ingestionJobEntityRef(job));
      }
      logger.info(`Read ${jobs.length} ingestion jobs into the catalog`);
      for (const event of this.#eventsDuringRefresh) {
        await this.#applyEvent(event);
      }
    } finally {
      this.#eventsDuringRefresh = undefined;
    }
  }

  async #applyEvent(event: IngestionJobEvent): Promise<void> {
    const connection = this.#requireConnection();
    if (event.action === 'deleted') {
      const entityRef = ingestionJobEntityRef(event);
      this.#entityRefs.delete(event.jobId);
      await connection.applyMutation({
        type: 'delta',
        added: [],
        removed: [{ entityRef, locationKey: PROVIDER_NAME }],
      });
      return;
    }
    const { job } = event;
    const entity = jobToEntity(job, this.#namespaces);
    const entityRef = ingestionJobEntityRef(job);
    const previousRef = this.#entityRefs.get(job.id);
    this.#entityRefs.set(job.id, entityRef);
    await connection.applyMutation({
      type: 'delta',
      added: [{ entity, locationKey: PROVIDER_NAME }],
      removed:
        previousRef && previousRef !== entityRef
          ? [{ entityRef: previousRef, locationKey: PROVIDER_NAME }]
          : [],
    });
  }

  #requireConnection(): EntityProviderConnection {
    if (!this.#connection) {
      throw new Error(`${PROVIDER_NAME} is not connected to the catalog yet`);
    }
    return this.#connection;
  }
}
