/**
 * What an API client (another system holding OAuth 2.0 client credentials) may be granted. Each operation of the
 * REST API that clients may call names one of these.
 *
 * @public
 */
export const API_CLIENT_SCOPES = ['ingestion.read', 'ingestion.write'] as const;

/** @public */
export type ApiClientScope = (typeof API_CLIENT_SCOPES)[number];

/**
 * Another system's OAuth 2.0 client as a platform admin registers it: the one tenant it acts for and its scopes.
 * Its credentials live in the authorization server.
 *
 * @public
 */
export interface ApiClientRegistration {
  /** The client_id its access tokens carry. */
  clientId: string;
  /** Group entity ref of the tenant. */
  tenant: string;
  scopes: ApiClientScope[];
  description: string;
}

/**
 * A registered API client.
 *
 * @public
 */
export interface ApiClient extends ApiClientRegistration {
  registeredBy: string;
  /** ISO 8601. */
  registeredAt: string;
  revokedBy?: string;
  revokedAt?: string;
}
