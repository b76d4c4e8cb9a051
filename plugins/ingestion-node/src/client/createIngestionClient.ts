import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  IngestionApi,
  IngestionClient,
} from '@internal/backstage-plugin-ingestion-common';

/**
 * Options of {@link createIngestionClient}.
 *
 * @public
 */
export interface CreateIngestionClientOptions {
  auth: AuthService;
  discovery: DiscoveryService;
  /**
   * Whom each request acts for: the calling plugin's own service credentials (`auth.getOwnServiceCredentials()`,
   * which may read every tenant's jobs), or a user's (e.g. a scaffolder task's initiator, which sees and changes
   * only that user's tenants).
   */
  credentials: () => Promise<BackstageCredentials>;
}

/**
 * The ingestion REST API client for other backend plugins and modules. Every request carries a fresh token for the
 * ingestion plugin, issued on behalf of the given credentials.
 *
 * @public
 */
export function createIngestionClient(
  options: CreateIngestionClientOptions,
): IngestionApi {
  const { auth, discovery, credentials } = options;
  return new IngestionClient({
    discoveryApi: discovery,
    fetchApi: {
      fetch: async (input, init) => {
        const { token } = await auth.getPluginRequestToken({
          onBehalfOf: await credentials(),
          targetPluginId: 'ingestion',
        });
        const headers = new Headers(init?.headers);
        headers.set('Authorization', `Bearer ${token}`);
        return fetch(input, { ...init, headers });
      },
    },
  });
}
