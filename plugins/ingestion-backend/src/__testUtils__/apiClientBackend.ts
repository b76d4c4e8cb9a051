import request from 'supertest';
import { mockServices } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { ServiceFactory } from '@backstage/backend-plugin-api';
import {
  TestAuthorizationServer,
  TestOAuthClient,
} from './authorizationServer';
import { asUser, startIngestionTestBackend } from './testBackend';

/** The API's resource indicator: the audience its client-credentials tokens carry. */
export const API_AUDIENCE = 'https://ingestion.example.com/api';
export const OTHER_AUDIENCE = 'https://reports.example.com/api';
const SCOPES = ['ingestion.read', 'ingestion.write'];

export const oauthClient = (clientId: string): TestOAuthClient => ({
  clientId,
  clientSecret: `${clientId}-secret-0123456789abcdef0123456789`,
});

/**
 * A test backend whose API clients get their tokens from a real authorization server started here, with the
 * given clients registered by a platform admin through the API (`scopes`; `revoked` ones revoked right after).
 */
export async function startApiClientBackend(options: {
  clients: Array<{
    clientId: string;
    tenant: string;
    scopes: string[];
    revoked?: boolean;
  }>;
  /** Clients the authorization server knows but no platform admin registered. */
  unregistered?: string[];
  features?: NonNullable<
    Parameters<typeof startIngestionTestBackend>[0]
  >['features'];
  config?: JsonObject;
}) {
  const clients = [
    ...options.clients.map(c => c.clientId),
    ...(options.unregistered ?? []),
  ].map(oauthClient);
  const authorizationServer = await TestAuthorizationServer.start({
    clients,
    audiences: [API_AUDIENCE, OTHER_AUDIENCE],
    scopes: SCOPES,
  });
  // Tasks (the run dispatcher) run when a test triggers them, not on a timer. The mock is typed as the plain
  // service, though the instance also builds its own factory.
  const scheduler = mockServices.scheduler();
  const schedulerFactory = (
    scheduler as unknown as {
      factory(options: { skipTaskRunOnStartup: boolean }): ServiceFactory;
    }
  ).factory({ skipTaskRunOnStartup: true });
  const backend = await startIngestionTestBackend({
    features: [schedulerFactory, ...(options.features ?? [])],
    config: {
      ...options.config,
      ingestion: {
        ...((options.config?.ingestion as JsonObject | undefined) ?? {}),
        externalClients: {
          issuer: authorizationServer.issuer,
          audience: API_AUDIENCE,
          jwksUrl: authorizationServer.jwksUrl,
        },
      },
    },
  });
  const ada = asUser('user:default/ada');
  for (const client of options.clients) {
    await request(backend.server)
      .post('/api/ingestion/api-clients')
      .set('Authorization', ada)
      .send({
        clientId: client.clientId,
        tenant: client.tenant,
        scopes: client.scopes,
        description: `test client ${client.clientId}`,
      })
      .expect(201);
    if (client.revoked) {
      await request(backend.server)
        .post(`/api/ingestion/api-clients/${client.clientId}/revoke`)
        .set('Authorization', ada)
        .expect(200);
    }
  }
  /** A fresh client-credentials token of `clientId` for the API (or `resource`), as the client would fetch it. */
  const tokenOf = (
    clientId: string,
    request_: { resource?: string; scope?: string } = {},
  ) =>
    authorizationServer.token(oauthClient(clientId), {
      resource: request_.resource ?? API_AUDIENCE,
      scope: request_.scope ?? SCOPES.join(' '),
    });
  return {
    ...backend,
    scheduler,
    authorizationServer,
    tokenOf,
    async stop() {
      await backend.stop();
      await authorizationServer.stop();
    },
  };
}
