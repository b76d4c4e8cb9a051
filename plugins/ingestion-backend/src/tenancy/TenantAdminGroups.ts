import { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { TENANT_ADMINS_GROUP_TYPE } from '@internal/backstage-plugin-ingestion-common';
import { TenantResource } from './tenantAdminRule';

/**
 * Loads tenants as permission resources: each tenant's admin groups are the catalog Groups of
 * `spec.type: tenant-admins` that are children of it (`spec.parent`, seen as a `childOf` relation).
 */
export class TenantAdminGroups {
  constructor(
    private readonly deps: { catalog: CatalogService; auth: AuthService },
  ) {}

  async load(tenantRefs: string[]): Promise<TenantResource[]> {
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: { kind: 'Group', 'spec.type': TENANT_ADMINS_GROUP_TYPE },
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
      },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    return tenantRefs.map(ref => ({
      ref,
      adminGroups: items
        .filter(group =>
          group.relations?.some(
            r => r.type === 'childOf' && r.targetRef === ref,
          ),
        )
        .map(group => stringifyEntityRef(group)),
    }));
  }
}
