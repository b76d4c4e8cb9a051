import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  INGESTION_JOB_ENTITY_TYPE,
  ingestionAdminPermissions,
  ingestionCapacityPurchasePermission,
  INGESTION_TENANT_RESOURCE_TYPE,
  IS_TENANT_ADMIN_RULE,
} from '@internal/backstage-plugin-ingestion-common';

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/** Catalog permissions a signed-in user needs to browse and to refresh what they see. */
const CATALOG_ENTITY_USE = ['catalog.entity.read', 'catalog.entity.refresh'];

/** Plugins whose own permissions users need to use the portal (templates), decided here as allowed. */
const USER_PLUGIN_PREFIXES = ['scaffolder.'];

/**
 * The portal's permission policy, by role:
 * - platform admins (members of the platform admin group) may do everything;
 * - tenant admins (members of a tenant's `tenant-admins` child group) may also buy capacity for that tenant
 *   (a condition the ingestion plugin applies to the tenant asked for);
 * - everyone else may read, use templates and act on their tenants' jobs (the ingestion backend scopes those).
 *
 * In the catalog a user sees and refreshes only their own tenants' ingestion-job entities (owned by the tenant
 * group); other entities stay readable. Changing the catalog (registering, deleting) and any other plugin's
 * write permission are platform administration.
 */
export class IngestionPermissionPolicy implements PermissionPolicy {
  constructor(private readonly deps: { platformAdminGroup: string }) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const claims = user?.info.ownershipEntityRefs ?? [];
    if (claims.includes(this.deps.platformAdminGroup)) return ALLOW;
    const { permission } = request;

    if (ingestionAdminPermissions.some(p => isPermission(permission, p))) {
      return DENY;
    }
    if (isPermission(permission, ingestionCapacityPurchasePermission)) {
      // Which tenant is asked for is known where the tenant is: the ingestion plugin applies the condition.
      return {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'ingestion',
        resourceType: INGESTION_TENANT_RESOURCE_TYPE,
        conditions: {
          rule: IS_TENANT_ADMIN_RULE,
          resourceType: INGESTION_TENANT_RESOURCE_TYPE,
          params: { claims },
        },
      };
    }
    if (
      isResourcePermission(permission, RESOURCE_TYPE_CATALOG_ENTITY) &&
      CATALOG_ENTITY_USE.includes(permission.name)
    ) {
      return createCatalogConditionalDecision(permission, {
        anyOf: [
          {
            // Only the job Resources: the job template shares their spec.type and stays readable to all.
            not: {
              allOf: [
                catalogConditions.isEntityKind({ kinds: ['Resource'] }),
                catalogConditions.hasSpec({
                  key: 'type',
                  value: INGESTION_JOB_ENTITY_TYPE,
                }),
              ],
            },
          },
          catalogConditions.isEntityOwner({ claims }),
        ],
      });
    }
    if (
      USER_PLUGIN_PREFIXES.some(prefix => permission.name.startsWith(prefix))
    ) {
      return ALLOW;
    }
    const action = permission.attributes.action;
    return action === undefined || action === 'read' ? ALLOW : DENY;
  }
}
