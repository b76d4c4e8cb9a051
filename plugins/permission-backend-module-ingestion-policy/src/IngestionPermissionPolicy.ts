import { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { ingestionAdminPermissions } from '@internal/backstage-plugin-ingestion-common';

/**
 * The portal's permission policy. Platform administration (the Spark Unit registry, ledger adjustments) is reserved to members of the
 * platform admin group; everything else is allowed here and scoped to the caller's tenants by the ingestion
 * backend itself.
 */
export class IngestionPermissionPolicy implements PermissionPolicy {
  constructor(
    private readonly userInfo: UserInfoService,
    private readonly platformAdminGroup: string,
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (
      ingestionAdminPermissions.some(p => isPermission(request.permission, p))
    ) {
      return (await this.#isPlatformAdmin(user))
        ? { result: AuthorizeResult.ALLOW }
        : { result: AuthorizeResult.DENY };
    }
    return { result: AuthorizeResult.ALLOW };
  }

  async #isPlatformAdmin(user?: PolicyQueryUser): Promise<boolean> {
    if (!user) return false;
    const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
      user.credentials,
    );
    return ownershipEntityRefs.includes(this.platformAdminGroup);
  }
}
