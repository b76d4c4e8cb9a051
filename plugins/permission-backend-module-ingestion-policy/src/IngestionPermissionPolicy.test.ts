import { mockCredentials } from '@backstage/backend-test-utils';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogLocationCreatePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  ingestionCapacityPurchasePermission,
  ingestionRegistryUpdatePermission,
} from '@internal/backstage-plugin-ingestion-common';
import { IngestionPermissionPolicy } from './IngestionPermissionPolicy';

const ORION = 'group:default/team-orion';

const policy = new IngestionPermissionPolicy({
  platformAdminGroup: 'group:default/platform-admins',
});

/** A user who is a member of `groups`. */
function user(name: string, groups: string[]) {
  const ref = `user:default/${name}`;
  return {
    credentials: mockCredentials.user(ref),
    info: { userEntityRef: ref, ownershipEntityRefs: [ref, ...groups] },
  };
}

const ada = user('ada', ['group:default/platform-admins']);
const orinda = user('orinda', [ORION, 'group:default/team-orion-admins']);
const orla = user('orla', [ORION]);

describe('IngestionPermissionPolicy', () => {
  it('reserves the Spark Unit registry to platform admins', async () => {
    const request = { permission: ingestionRegistryUpdatePermission };
    expect((await policy.handle(request, ada)).result).toBe(
      AuthorizeResult.ALLOW,
    );
    expect((await policy.handle(request, orinda)).result).toBe(
      AuthorizeResult.DENY,
    );
    expect((await policy.handle(request)).result).toBe(AuthorizeResult.DENY);
  });

  it('leaves buying to a condition on the tenant’s admin groups, which the ingestion plugin applies', async () => {
    const request = { permission: ingestionCapacityPurchasePermission };
    expect(await policy.handle(request, orinda)).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'ingestion',
      resourceType: 'ingestion-tenant',
      conditions: {
        rule: 'IS_TENANT_ADMIN',
        resourceType: 'ingestion-tenant',
        params: { claims: orinda.info.ownershipEntityRefs },
      },
    });
    expect((await policy.handle(request, ada)).result).toBe(
      AuthorizeResult.ALLOW,
    );
  });

  it('shows a user only their own tenants’ ingestion-job entities in the catalog', async () => {
    const decision = await policy.handle(
      { permission: catalogEntityReadPermission },
      orla,
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        anyOf: [
          {
            not: {
              allOf: [
                {
                  rule: 'IS_ENTITY_KIND',
                  resourceType: 'catalog-entity',
                  params: { kinds: ['Resource'] },
                },
                {
                  rule: 'HAS_SPEC',
                  resourceType: 'catalog-entity',
                  params: { key: 'type', value: 'ingestion-job' },
                },
              ],
            },
          },
          {
            rule: 'IS_ENTITY_OWNER',
            resourceType: 'catalog-entity',
            params: { claims: orla.info.ownershipEntityRefs },
          },
        ],
      },
    });
    expect(
      (await policy.handle({ permission: catalogEntityReadPermission }, ada))
        .result,
    ).toBe(AuthorizeResult.ALLOW);
  });

  it('stops allowing every other permission: catalog changes and other plugins’ writes are platform administration', async () => {
    const writes = [
      catalogEntityDeletePermission,
      catalogLocationCreatePermission,
      createPermission({
        name: 'kubernetes.proxy',
        attributes: { action: 'create' },
      }),
    ];
    for (const permission of writes) {
      expect((await policy.handle({ permission }, orla)).result).toBe(
        AuthorizeResult.DENY,
      );
      expect((await policy.handle({ permission }, ada)).result).toBe(
        AuthorizeResult.ALLOW,
      );
    }
    const reads = [
      createPermission({ name: 'kubernetes.clusters.read', attributes: {} }),
      createPermission({
        name: 'scaffolder.task.create',
        attributes: { action: 'create' },
      }),
    ];
    for (const permission of reads) {
      expect((await policy.handle({ permission }, orla)).result).toBe(
        AuthorizeResult.ALLOW,
      );
    }
  });
});
