import {
  AuthService,
  BackstageCredentials,
  BackstageNonePrincipal,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  HttpAuthService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { AuthenticationError, NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Caller } from '@internal/backstage-plugin-ingestion-common';
import { Request, RequestHandler } from 'express';
import { ServicePrincipalGrant, ServiceScope } from '../config';
import { ApiClientStore } from '../database/ApiClientStore';
import {
  ApiClientScope,
  effectiveScopes,
} from '../domain/apiClients/apiClientScopes';
import { findApiOperation } from '../service/apiOperations';
import { ApiClientTokenVerifier } from './apiClients/ApiClientTokenVerifier';

/** An API client (another system, OAuth 2.0 client credentials) as one request presents it. */
export interface ClientIdentity {
  clientId: string;
  tenant: string;
  /** What it was granted, narrowed to what its token carries. */
  scopes: ApiClientScope[];
}

/** The caller of one request, with the credentials to act on its behalf. */
export interface ResolvedCaller extends Caller {
  credentials: BackstageCredentials<
    BackstageUserPrincipal | BackstageServicePrincipal | BackstageNonePrincipal
  >;
  /** An allow-listed service (the catalog provider): it may read every tenant's jobs, never change them. */
  service: boolean;
  /** Set for an API client: it acts for its one tenant, within its scopes, and has no Backstage identity. */
  client?: ClientIdentity;
}

/**
 * Works out who is calling and which tenants they act for. A tenant is a catalog Group of `spec.type: tenant`
 * among the caller's ownership refs (the groups they are a member of). Whether a group is a tenant is cached
 * briefly, so the catalog is not asked on every request.
 */
export class CallerResolver {
  readonly #tenantGroupCache = new Map<
    string,
    { isTenant: boolean; expiresAt: number }
  >();
  readonly #clientOfRequest = new WeakMap<Request, ClientIdentity>();

  constructor(
    private readonly deps: {
      httpAuth: HttpAuthService;
      userInfo: UserInfoService;
      auth: AuthService;
      catalog: CatalogService;
      platformAdminGroup: string;
      servicePrincipals: ServicePrincipalGrant[];
      /** Other systems' access: their tokens and the registry of clients (absent: only Backstage tokens). */
      apiClients?: { tokens: ApiClientTokenVerifier; registry: ApiClientStore };
      cacheTtlMs?: number;
    },
  ) {}

  /**
   * Authenticates every request before the routes see it: a token of the configured authorization server as an
   * API client, any other one through Backstage (httpAuth). The plugin opens its paths in Backstage's own
   * barrier when API clients are configured (Backstage cannot verify their tokens), so this is the barrier then.
   */
  authenticateRequests(): RequestHandler {
    return (req, _res, next) => {
      this.#authenticate(req).then(() => next(), next);
    };
  }

  async #authenticate(req: Request): Promise<void> {
    if (findApiOperation(req.method, req.path)?.open) return;
    const token = req.header('authorization')?.match(/^Bearer (.+)$/i)?.[1];
    const clients = this.deps.apiClients;
    if (token && clients?.tokens.isClientToken(token)) {
      const { clientId, tokenScopes } = await clients.tokens.verify(token);
      const client = await clients.registry.get(clientId);
      if (!client) {
        throw new NotAllowedError(
          `API client ${clientId} is not registered: a platform admin registers it for one tenant`,
        );
      }
      if (client.revokedAt) {
        throw new AuthenticationError(
          `API client ${clientId} was revoked at ${client.revokedAt}`,
        );
      }
      const identity = {
        clientId,
        tenant: client.tenant,
        scopes: effectiveScopes(client.scopes, tokenScopes),
      };
      assertClientMayCall(req, identity);
      this.#clientOfRequest.set(req, identity);
      return;
    }
    await this.deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
  }

  /**
   * Resolves a user caller; with `serviceScope`, also a service (another backend plugin, or an external access
   * token) whose subject is allow-listed in `ingestion.servicePrincipals` with that scope. Any other service is
   * refused with 403, whatever it calls.
   */
  async resolve(
    req: Request,
    options?: { serviceScope?: ServiceScope },
  ): Promise<ResolvedCaller> {
    const client = this.#clientOfRequest.get(req);
    if (client) return this.#clientCaller(client);
    if (options?.serviceScope) {
      const any = await this.deps.httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      if (this.deps.auth.isPrincipal(any, 'service')) {
        const { subject } = any.principal;
        const granted = this.deps.servicePrincipals.find(
          p => p.subject === subject,
        );
        if (!granted?.scopes.includes(options.serviceScope)) {
          throw new NotAllowedError(
            `Service ${subject} may not ${options.serviceScope}: a platform admin grants it in ingestion.servicePrincipals`,
          );
        }
        return {
          principal: any.principal.subject,
          tenants: [],
          platformAdmin: false,
          service: true,
          credentials: any,
        };
      }
    }
    const credentials = await this.deps.httpAuth.credentials(req, {
      allow: ['user'],
    });
    return this.resolveUser(credentials);
  }

  /**
   * A user caller from credentials that came another way than an HTTP request of this plugin (an action invoked
   * through Backstage's actions registry, e.g. by an AI assistant over MCP). Only users act on tenants there.
   */
  async resolveCredentials(
    credentials: BackstageCredentials,
  ): Promise<ResolvedCaller> {
    if (!this.deps.auth.isPrincipal(credentials, 'user')) {
      throw new NotAllowedError(
        'Only users may use the ingestion actions: they act for the tenants the user belongs to',
      );
    }
    return this.resolveUser(credentials);
  }

  private async resolveUser(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<ResolvedCaller> {
    const { userEntityRef, ownershipEntityRefs } =
      await this.deps.userInfo.getUserInfo(credentials);
    const groups = ownershipEntityRefs.filter(
      ref => parseEntityRef(ref).kind.toLocaleLowerCase('en-US') === 'group',
    );
    const tenants = (await this.#tenantGroups(groups)).sort();
    return {
      principal: userEntityRef,
      tenants,
      platformAdmin: groups.includes(this.deps.platformAdminGroup),
      service: false,
      credentials,
    };
  }

  /** An API client acts for its one tenant; which operations it may call was checked as it came in. */
  async #clientCaller(client: ClientIdentity): Promise<ResolvedCaller> {
    return {
      principal: `api-client:${client.clientId}`,
      tenants: [client.tenant],
      platformAdmin: false,
      service: false,
      credentials: await this.deps.auth.getNoneCredentials(),
      client,
    };
  }

  /** Throws unless the caller belongs to the tenant (platform admins may act on every tenant). */
  assertTenantAccess(caller: Caller, tenant: string): void {
    if (!caller.platformAdmin && !caller.tenants.includes(tenant)) {
      throw new NotAllowedError(`You are not a member of tenant ${tenant}`);
    }
  }

  /** Whether a group entity ref is a tenant (a catalog Group of spec.type tenant). */
  async isTenant(groupRef: string): Promise<boolean> {
    return (await this.#tenantGroups([groupRef])).length === 1;
  }

  async #tenantGroups(groupRefs: string[]): Promise<string[]> {
    const now = Date.now();
    const unknown = groupRefs.filter(ref => {
      const cached = this.#tenantGroupCache.get(ref);
      return !cached || cached.expiresAt < now;
    });
    if (unknown.length > 0) {
      const { items } = await this.deps.catalog.getEntitiesByRefs(
        {
          entityRefs: unknown,
          fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.type'],
        },
        { credentials: await this.deps.auth.getOwnServiceCredentials() },
      );
      const expiresAt = now + (this.deps.cacheTtlMs ?? 30_000);
      unknown.forEach((ref, i) => {
        const entity = items[i];
        this.#tenantGroupCache.set(ref, {
          isTenant: entity?.spec?.type === 'tenant',
          expiresAt,
        });
      });
    }
    return groupRefs.filter(ref => this.#tenantGroupCache.get(ref)?.isTenant);
  }
}

/** An API client may call what the document opens to clients (`x-ingestion-scope`) with a scope it holds. */
function assertClientMayCall(req: Request, client: ClientIdentity): void {
  const operation = findApiOperation(req.method, req.path);
  const scope = operation?.clientScope;
  if (!operation || !scope) {
    throw new NotAllowedError(
      `${
        operation?.operationId ?? 'This operation'
      } is not open to API clients`,
    );
  }
  if (!client.scopes.includes(scope)) {
    throw new NotAllowedError(
      `API client ${client.clientId} lacks scope ${scope}, which ${operation.operationId} needs`,
    );
  }
}
