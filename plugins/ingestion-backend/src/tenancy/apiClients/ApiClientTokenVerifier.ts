import { AuthenticationError } from '@backstage/errors';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { tokenScopesOf } from '../../domain/apiClients/apiClientScopes';
import { ExternalClientsConfig } from './externalClientsConfig';

/** What a verified client-credentials access token says. */
export interface VerifiedClientToken {
  clientId: string;
  /** The scopes the token was issued for, when it names any. */
  tokenScopes?: string[];
}

/**
 * Verifies OAuth 2.0 access tokens (JWTs, RFC 9068) of the configured authorization server against its JWKS, with
 * `jose` as Backstage's own jwks external access does. Done here rather than through that handler because it
 * keeps only `sub`, and the registry needs the client id and the token's scopes.
 */
export class ApiClientTokenVerifier {
  readonly #jwks: ReturnType<typeof createRemoteJWKSet>;

  constructor(
    private readonly config: ExternalClientsConfig,
    private readonly now: () => number,
  ) {
    this.#jwks = createRemoteJWKSet(new URL(config.jwksUrl));
  }

  /**
   * Whether a bearer token is meant as a client-credentials token here: issued by the authorization server, or
   * for this API's audience. Read without verifying, only to route it: every other token is Backstage's to verify
   * (Backstage's own tokens carry neither).
   */
  isClientToken(token: string): boolean {
    try {
      const { iss, aud } = decodeJwt(token);
      const audiences = Array.isArray(aud) ? aud : [aud];
      return (
        iss === this.config.issuer || audiences.includes(this.config.audience)
      );
    } catch {
      return false;
    }
  }

  async verify(token: string): Promise<VerifiedClientToken> {
    // Named before the signature is checked, which would only say it does not match.
    const issuer = this.isClientToken(token) ? decodeJwt(token).iss : undefined;
    if (issuer !== this.config.issuer) {
      throw new AuthenticationError(
        `Client-credentials token refused: issued by ${issuer}, not by the configured authorization server ${this.config.issuer}`,
      );
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.#jwks, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        currentDate: new Date(this.now()),
      }));
    } catch (error) {
      throw new AuthenticationError(
        `Client-credentials token refused: ${(error as Error).message}`,
      );
    }
    // RFC 9068 names the client in client_id; some servers use azp.
    const clientId = payload.client_id ?? payload.azp;
    if (typeof clientId !== 'string' || clientId === '') {
      throw new AuthenticationError(
        'Client-credentials token refused: it names no client_id',
      );
    }
    return {
      clientId,
      tokenScopes: tokenScopesOf(payload as { scope?: unknown; scp?: unknown }),
    };
  }
}
