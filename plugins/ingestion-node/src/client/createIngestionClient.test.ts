import {
  mockCredentials,
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createIngestionClient } from './createIngestionClient';

describe('createIngestionClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('sends a token for the ingestion plugin on behalf of the given credentials', async () => {
    const seen: (string | null)[] = [];
    server.use(
      http.get(
        'http://localhost:0/api/ingestion/jobs/:jobId',
        ({ request }) => {
          seen.push(request.headers.get('authorization'));
          return HttpResponse.json({ id: 'job-1' });
        },
      ),
    );
    const guest = mockCredentials.user('user:default/guest');
    const client = createIngestionClient({
      auth: mockServices.auth({ pluginId: 'scaffolder' }),
      discovery: mockServices.discovery(),
      credentials: async () => guest,
    });

    await expect(client.getJob('job-1')).resolves.toEqual({ id: 'job-1' });

    expect(seen).toEqual([
      `Bearer ${mockCredentials.service.token({
        onBehalfOf: guest,
        targetPluginId: 'ingestion',
      })}`,
    ]);
  });
});
