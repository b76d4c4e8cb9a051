import {
  ApiClient,
  ApiClientRegistration,
} from '../domain/apiClients/apiClientRegistration';

/** Persistence of the API client registry. */
export interface ApiClientStore {
  /** Adds a client; throws ConflictError if its id is registered already (revoked or not). */
  register(
    registration: ApiClientRegistration,
    by: string,
    at: Date,
  ): Promise<ApiClient>;
  get(clientId: string): Promise<ApiClient | undefined>;
  /** Every client, or one tenant's, ordered by id; revoked ones included. */
  list(filter?: { tenant?: string }): Promise<ApiClient[]>;
  /** Marks a client revoked (once: revoking again keeps the first record); throws NotFoundError if unknown. */
  revoke(clientId: string, by: string, at: Date): Promise<ApiClient>;
}
