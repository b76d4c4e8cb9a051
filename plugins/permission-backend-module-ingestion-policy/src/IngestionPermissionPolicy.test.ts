import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { ingestionRegistryUpdatePermission } from '@internal/backstage-plugin-ingestion-common';
import { IngestionPermissionPolicy } from './IngestionPermissionPolicy';

const userInfo = mockServices.userInfo.mock({
  getUserInfo: async credentials => {
    const ref = (credentials.principal as { userEntityRef: string })
      .userEntityRef;
    return {
      userEntityRef: ref,
      ownershipEntityRefs:
        ref === 'user:default/ada'
          ? [ref, 'group:default/platform-admins']
          : [ref, 'group:default/team-orion'],
    };
  },
});
const policy = new IngestionPermissionPolicy(
  userInfo,
  'group:default/platform-admins',
);

function asUser(ref: string) {
  return {
    credentials: mockCredentials.user(ref),
    info: { userEntityRef: ref, ownershipEntityRefs: [] },
  };
}

describe('IngestionPermissionPolicy', () => {
  it('lets platform admins change the Spark Unit registry', async () => {
    const decision = await policy.handle(
      { permission: ingestionRegistryUpdatePermission },
      asUser('user:default/ada'),
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });

  it('refuses the registry to tenant members and to callers without a user', async () => {
    expect(
      (
        await policy.handle(
          { permission: ingestionRegistryUpdatePermission },
          asUser('user:default/orla'),
        )
      ).result,
    ).toBe(AuthorizeResult.DENY);
    expect(
      (await policy.handle({ permission: ingestionRegistryUpdatePermission }))
        .result,
    ).toBe(AuthorizeResult.DENY);
  });

  it('leaves other permissions to the plugins that own them', async () => {
    const other = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
    });
    expect(
      (await policy.handle({ permission: other }, asUser('user:default/orla')))
        .result,
    ).toBe(AuthorizeResult.ALLOW);
  });
});
