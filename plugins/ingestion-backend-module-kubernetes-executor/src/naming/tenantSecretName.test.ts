import { tenantSecretName } from './tenantSecretName';

describe('tenantSecretName', () => {
  it('scopes the secret by tenant: readable name, hash of the full ref', () => {
    expect(tenantSecretName('group:default/team-orion', 'orders-db')).toBe(
      'team-orion-b0406b2aea.orders-db',
    );
  });

  it('gives two tenants different Secrets for the same reference', () => {
    const orion = tenantSecretName('group:default/team-orion', 'db');
    const otherNamespace = tenantSecretName('group:other/team-orion', 'db');
    expect(orion).not.toBe(otherNamespace);
  });

  it('keeps the name a valid Secret name for unusual group names', () => {
    expect(tenantSecretName('group:default/Team_Orion', 'db')).toMatch(
      /^team-orion-[0-9a-f]{10}\.db$/,
    );
  });

  it('uses the reference as written when configured so', () => {
    expect(
      tenantSecretName(
        'group:default/team-orion',
        'orders-db',
        'as-referenced',
      ),
    ).toBe('orders-db');
  });

  it('refuses names longer than Kubernetes allows', () => {
    expect(() =>
      tenantSecretName('group:default/team-orion', 'a'.repeat(240)),
    ).toThrow(/exceeds 253/);
  });
});
