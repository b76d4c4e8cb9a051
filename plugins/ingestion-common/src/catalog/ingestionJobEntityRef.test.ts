import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import {
  ingestionJobEntityName,
  ingestionJobEntityRef,
} from './ingestionJobEntityRef';

describe('ingestionJobEntityRef', () => {
  it('joins the tenant and job names in the tenant namespace', () => {
    expect(
      ingestionJobEntityRef({
        tenant: 'group:default/team-orion',
        name: 'nightly-orders',
      }),
    ).toBe('resource:default/team-orion-nightly-orders');
    expect(
      ingestionJobEntityRef({ tenant: 'group:acme/data', name: 'orders' }),
    ).toBe('resource:acme/data-orders');
  });

  it('shortens long names to at most 63 valid characters, stable and distinct per job', () => {
    const tenant = 'group:default/team-with-a-rather-long-name';
    const a = ingestionJobEntityName({
      tenant,
      name: 'orders-from-the-payments-database-every-night-x',
    });
    const again = ingestionJobEntityName({
      tenant,
      name: 'orders-from-the-payments-database-every-night-x',
    });
    const b = ingestionJobEntityName({
      tenant,
      name: 'orders-from-the-payments-database-every-night-y',
    });

    expect(a.name.length).toBeLessThanOrEqual(63);
    expect(a.name).toMatch(/-[0-9a-f]{8}$/);
    expect(KubernetesValidatorFunctions.isValidObjectName(a.name)).toBe(true);
    expect(a.name.startsWith('team-with-a-rather-long-name-orders-')).toBe(
      true,
    );
    expect(again).toEqual(a);
    expect(b.name).not.toBe(a.name);
  });

  it('never leaves a dash before the fingerprint doubled', () => {
    // 54 characters are kept before the fingerprint; make the 54th a dash.
    const name = ingestionJobEntityName({
      tenant: 'group:default/t',
      name: `${'a'.repeat(51)}-${'b'.repeat(20)}`,
    }).name;
    expect(name).toMatch(/^t-a{51}-[0-9a-f]{8}$/);
    expect(KubernetesValidatorFunctions.isValidObjectName(name)).toBe(true);
  });
});
