import { effectiveScopes, tokenScopesOf } from './apiClientScopes';
import { registrationProblems } from './apiClientRegistration';

describe('API client scopes', () => {
  it('narrows the granted scopes to those the token carries, never widens them', () => {
    expect(
      effectiveScopes(
        ['ingestion.read'],
        ['ingestion.read', 'ingestion.write'],
      ),
    ).toEqual(['ingestion.read']);
    expect(
      effectiveScopes(
        ['ingestion.read', 'ingestion.write'],
        ['ingestion.write'],
      ),
    ).toEqual(['ingestion.write']);
    expect(effectiveScopes(['ingestion.read'], [])).toEqual([]);
    expect(effectiveScopes(['ingestion.read'], undefined)).toEqual([
      'ingestion.read',
    ]);
  });

  it('reads RFC 9068 scope strings and scp arrays', () => {
    expect(tokenScopesOf({ scope: 'ingestion.read  openid' })).toEqual([
      'ingestion.read',
      'openid',
    ]);
    expect(tokenScopesOf({ scp: ['ingestion.write', 7] })).toEqual([
      'ingestion.write',
    ]);
    expect(tokenScopesOf({})).toBeUndefined();
  });
});

describe('API client registration', () => {
  it('accepts a client id, a group and known scopes', () => {
    expect(
      registrationProblems({
        clientId: 'lyra-etl@idp',
        tenant: 'group:default/team-lyra',
        scopes: ['ingestion.read', 'ingestion.write'],
      }),
    ).toEqual([]);
  });

  it('names each bad field', () => {
    expect(
      registrationProblems({
        clientId: 'two words',
        tenant: 'team-lyra',
        scopes: ['ingestion.read', 'ingestion.read'],
      }),
    ).toEqual([
      expect.stringMatching(/^clientId must be/),
      expect.stringMatching(/^tenant must be a group entity ref/),
      'scopes must not repeat',
    ]);
    expect(
      registrationProblems({
        clientId: 'x',
        tenant: 'user:default/lars',
        scopes: [],
      }),
    ).toEqual([
      expect.stringMatching(/^tenant must be a group entity ref/),
      expect.stringMatching(
        /^scopes must be a non-empty list of ingestion.read, ingestion.write/,
      ),
    ]);
  });
});
