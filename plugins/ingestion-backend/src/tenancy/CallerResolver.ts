import {
  AuthService,
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  HttpAuthService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Caller } from '@internal/backstage-plugin-ingestion-common';
import { Request } from 'express';
import { ServicePrincipalGrant, ServiceScope } from '../config';

/** The caller of one request, with the credentials to act on its behalf. */
export interface ResolvedCaller extends Caller {
  credentials: BackstageCredentials<
    BackstageUserPrincipal | BackstageServicePrincipal
  >;
  /** An allow-listed service (the catalog provider): it may read every tenant's jobs, never change them. */
  service: boolean;
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

  constructor(
    private readonly deps: {
      httpAuth: HttpAuthService;
      userInfo: UserInfoService;
      auth: AuthService;
      catalog: CatalogService;
      platformAdminGroup: string;
      servicePrincipals: ServicePrincipalGrant[];
      cacheTtlMs?: number;
    },
  ) {}

  /**
   * Resolves a user caller; with `serviceScope`, also a service (another backend plugin, or an external access
   * token) whose subject is allow-listed in `ingestion.servicePrincipals` with that scope. Any other service is
   * refused with 403, whatever it calls.
   */
  async resolve(
    req: Request,
    options?: { serviceScope?: ServiceScope },
  ): Promise<ResolvedCaller> {
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

  /** Throws unless the caller belongs to the tenant (platform admins may act on every tenant). */
  assertTenantAccess(caller: Caller, tenant: string): void {
    if (!caller.platformAdmin && !caller.tenants.includes(tenant)) {
      throw new NotAllowedError(`You are not a member of tenant ${tenant}`);
    }
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
