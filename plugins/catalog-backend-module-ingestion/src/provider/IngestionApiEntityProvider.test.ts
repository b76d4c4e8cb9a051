import {
  mockCredentials,
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ApiEntity } from '@backstage/catalog-model';
import { EntityProviderMutation } from '@backstage/plugin-catalog-node';
import { createIngestionClient } from '@internal/backstage-plugin-ingestion-node';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { IngestionApiEntityProvider } from './IngestionApiEntityProvider';

const DOCUMENT_URL = 'http://localhost:0/api/ingestion/openapi.json';
const DOCUMENT = {
  openapi: '3.1.0',
  info: { title: 'ingestion', version: '2', description: 'Spark ingestion.' },
  paths: { '/health': { get: { operationId: 'GetHealth' } } },
};

/** A provider reading through the real ingestion client, connected to a recording connection; its task kept. */
async function connectedProvider() {
  const auth = mockServices.auth({ pluginId: 'catalog' });
  const logger = mockServices.logger.mock();
  let refreshTask: (() => void | Promise<void>) | undefined;
  const provider = new IngestionApiEntityProvider({
    client: createIngestionClient({
      auth,
      discovery: mockServices.discovery(),
      credentials: () => auth.getOwnServiceCredentials(),
    }),
    sourceUrl: async () => DOCUMENT_URL,
    owner: 'group:default/platform-admins',
    logger,
    taskRunner: {
      run: async task => {
        refreshTask = () => task.fn(new AbortController().signal);
      },
    },
  });
  const mutations: EntityProviderMutation[] = [];
  await provider.connect({
    applyMutation: async mutation => void mutations.push(mutation),
    refresh: jest.fn(),
  });
  return {
    provider,
    logger,
    mutations,
    runTask: async () => refreshTask!(),
  };
}

describe('IngestionApiEntityProvider', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('puts the API in the catalog from the document the backend serves, read with its own service token', async () => {
    const authorizations: Array<string | null> = [];
    server.use(
      http.get(DOCUMENT_URL, ({ request }) => {
        authorizations.push(request.headers.get('authorization'));
        return HttpResponse.json(DOCUMENT);
      }),
    );
    const { provider, mutations, runTask } = await connectedProvider();
    expect(provider.getProviderName()).toBe('ingestion-api');
    expect(mutations).toEqual([]);

    await runTask();
    expect(authorizations).toEqual([
      `Bearer ${mockCredentials.service.token({
        onBehalfOf: mockCredentials.service('plugin:catalog'),
        targetPluginId: 'ingestion',
      })}`,
    ]);
    expect(mutations).toHaveLength(1);
    const [{ entity }] = (
      mutations[0] as Extract<EntityProviderMutation, { type: 'full' }>
    ).entities;
    const api = entity as ApiEntity;
    expect(api).toMatchObject({
      kind: 'API',
      metadata: {
        name: 'ingestion',
        title: 'Ingestion API v2',
        description: 'Spark ingestion.',
        annotations: {
          'backstage.io/managed-by-location': `url:${DOCUMENT_URL}`,
        },
      },
      spec: {
        type: 'openapi',
        lifecycle: 'production',
        owner: 'group:default/platform-admins',
      },
    });
    expect(JSON.parse(api.spec.definition)).toEqual(DOCUMENT);
  });

  it('logs and keeps the last entity when the backend cannot be read', async () => {
    server.use(
      http.get(DOCUMENT_URL, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'down' } },
          { status: 503 },
        ),
      ),
    );
    const { logger, mutations, runTask } = await connectedProvider();
    await runTask();
    expect(mutations).toEqual([]);
    expect(logger.error).toHaveBeenCalledWith(
      'Reading the ingestion API definition into the catalog failed',
      expect.objectContaining({ message: expect.stringMatching(/503/) }),
    );
  });
});
