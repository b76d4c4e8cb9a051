import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

/** A client of the authorization server: its credentials there, and the scopes it may ask for. */
export interface TestOAuthClient {
  clientId: string;
  clientSecret: string;
}

/**
 * A real OAuth 2.0 authorization server (the `oidc-provider` package) on a loopback port, issuing client-credentials
 * access tokens as JWTs (RFC 9068) for the resource servers asked for with a resource indicator (RFC 8707).
 */
export class TestAuthorizationServer {
  private constructor(
    private readonly server: Server,
    readonly issuer: string,
  ) {}

  static async start(options: {
    clients: TestOAuthClient[];
    /** Resource indicators it issues tokens for (the `aud` of the tokens). */
    audiences: string[];
    scopes: string[];
  }): Promise<TestAuthorizationServer> {
    const server = createServer();
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { privateKey } = await generateKeyPair('RS256', {
      extractable: true,
    });
    const signingKey = {
      ...(await exportJWK(privateKey)),
      alg: 'RS256',
      use: 'sig',
      kid: 'test-signing-key',
    };
    const scope = options.scopes.join(' ');
    const provider = new Provider(issuer, {
      clients: options.clients.map(c => ({
        client_id: c.clientId,
        client_secret: c.clientSecret,
        grant_types: ['client_credentials'],
        redirect_uris: [],
        response_types: [],
        scope,
      })),
      jwks: { keys: [signingKey as any] },
      scopes: options.scopes,
      ttl: { ClientCredentials: 300 },
      features: {
        devInteractions: { enabled: false },
        clientCredentials: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: async () => options.audiences[0],
          useGrantedResource: async () => true,
          getResourceServerInfo: async (_ctx: unknown, resource: string) => {
            if (!options.audiences.includes(resource)) {
              throw new (Provider as any).errors.InvalidTarget();
            }
            return {
              scope,
              audience: resource,
              accessTokenTTL: 300,
              accessTokenFormat: 'jwt',
              jwt: { sign: { alg: 'RS256' } },
            };
          },
        },
      },
    } as any);
    server.on('request', provider.callback());
    return new TestAuthorizationServer(server, issuer);
  }

  get jwksUrl(): string {
    return `${this.issuer}/jwks`;
  }

  /** An access token by the client-credentials grant, as another system would get it. */
  async token(
    client: TestOAuthClient,
    request: { resource: string; scope: string },
  ): Promise<string> {
    const res = await fetch(`${this.issuer}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(
          `${encodeURIComponent(client.clientId)}:${encodeURIComponent(
            client.clientSecret,
          )}`,
        ).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        ...request,
      }),
    });
    const body = await res.json();
    if (!res.ok) {
      throw new Error(
        `token request failed: ${res.status} ${JSON.stringify(body)}`,
      );
    }
    return body.access_token;
  }

  async stop(): Promise<void> {
    await new Promise<void>(resolve => this.server.close(() => resolve()));
  }
}
