import {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { IngestionApi } from '@internal/backstage-plugin-ingestion-common';
import { apiEntityOf } from './apiEntityOf';

const PROVIDER_NAME = 'ingestion-api';

/**
 * Keeps the ingestion REST API in the catalog as an API entity, re-reading the OpenAPI document the ingestion
 * backend serves on a schedule (with this plugin's service token).
 */
export class IngestionApiEntityProvider implements EntityProvider {
  #connection?: EntityProviderConnection;

  constructor(
    private readonly options: {
      client: Pick<IngestionApi, 'getOpenApiDocument'>;
      /** Where the document is served, for the entity's location annotations. */
      sourceUrl: () => Promise<string>;
      owner: string;
      logger: LoggerService;
      taskRunner: SchedulerServiceTaskRunner;
    },
  ) {}

  getProviderName(): string {
    return PROVIDER_NAME;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.options.taskRunner.run({
      id: `${PROVIDER_NAME}:refresh`,
      fn: async () => {
        try {
          await this.refresh();
        } catch (error) {
          this.options.logger.error(
            'Reading the ingestion API definition into the catalog failed',
            toError(error),
          );
        }
      },
    });
  }

  /** Reads the document and replaces the provider's entity with it. */
  async refresh(): Promise<void> {
    if (!this.#connection) {
      throw new Error(`${PROVIDER_NAME} is not connected yet`);
    }
    const document = await this.options.client.getOpenApiDocument();
    const entity = apiEntityOf(document, {
      owner: this.options.owner,
      sourceUrl: await this.options.sourceUrl(),
    });
    await this.#connection.applyMutation({
      type: 'full',
      entities: [{ entity, locationKey: PROVIDER_NAME }],
    });
  }
}
