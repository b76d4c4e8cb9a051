import { toLabelValue } from './labels';

const VALID = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

describe('toLabelValue', () => {
  it('keeps values Kubernetes accepts as they are', () => {
    expect(toLabelValue('5d0c2a9e-0f5b-4a44-9d1e-2f4b9c1e7a01')).toBe(
      '5d0c2a9e-0f5b-4a44-9d1e-2f4b9c1e7a01',
    );
    expect(toLabelValue('vcore-hours')).toBe('vcore-hours');
  });

  it('writes a tenant ref with dots, readable and without a hash', () => {
    expect(toLabelValue('group:default/team-orion')).toBe(
      'group.default.team-orion',
    );
  });

  it('adds a hash when escaping could make two values equal', () => {
    const dotted = toLabelValue('group:default/team.orion');
    const other = toLabelValue('group:default.team/orion');
    expect(dotted).not.toBe(other);
    expect(dotted).toMatch(VALID);
    expect(other).toMatch(VALID);
  });

  it('shortens long values to 63 characters, still distinct and valid', () => {
    const a = toLabelValue(`group:default/${'a'.repeat(80)}`);
    const b = toLabelValue(`group:default/${'a'.repeat(81)}`);
    for (const value of [a, b]) {
      expect(value.length).toBeLessThanOrEqual(63);
      expect(value).toMatch(VALID);
    }
    expect(a).not.toBe(b);
  });

  it('turns values of only invalid characters into a hash', () => {
    expect(toLabelValue('://')).toMatch(/^[0-9a-f]{10}$/);
  });
});
