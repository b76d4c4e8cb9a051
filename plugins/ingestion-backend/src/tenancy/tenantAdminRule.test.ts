import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { TenantAdminGroups } from './TenantAdminGroups';
import { isTenantAdminRule } from './tenantAdminRule';

const ORION = 'group:default/team-orion';
const LYRA = 'group:default/team-lyra';

/** A Group as the catalog serves it, with the childOf relation its spec.parent gives. */
const group = (name: string, type: string, parent?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type, children: [], ...(parent && { parent }) },
  relations: parent
    ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
    : [],
});

const tenants = new TenantAdminGroups({
  catalog: catalogServiceMock({
    entities: [
      group('team-orion', 'tenant'),
      group('team-orion-admins', 'tenant-admins', 'team-orion'),
      group('team-lyra', 'tenant'),
      // A child of Lyra that is not an admin group.
      group('lyra-fans', 'interest', 'team-lyra'),
    ],
  }),
  auth: mockServices.auth(),
});

describe('the tenant-admin permission rule', () => {
  it('finds each tenant’s admin groups among its child groups of type tenant-admins', async () => {
    expect(await tenants.load([ORION, LYRA])).toEqual([
      { ref: ORION, adminGroups: ['group:default/team-orion-admins'] },
      { ref: LYRA, adminGroups: [] },
    ]);
  });

  it('holds for the tenant’s admins only', async () => {
    const [orion, lyra] = await tenants.load([ORION, LYRA]);
    const admin = [ORION, 'group:default/team-orion-admins'];
    expect(isTenantAdminRule.apply(orion, { claims: admin })).toBe(true);
    expect(isTenantAdminRule.apply(orion, { claims: [ORION] })).toBe(false);
    expect(isTenantAdminRule.apply(lyra, { claims: admin })).toBe(false);
    expect(
      isTenantAdminRule.apply(lyra, {
        claims: [LYRA, 'group:default/lyra-fans'],
      }),
    ).toBe(false);
  });
});
