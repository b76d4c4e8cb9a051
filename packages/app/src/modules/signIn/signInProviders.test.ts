import { ConfigReader } from '@backstage/config';
import { signInProviders } from './signInProviders';
import { oauth2AuthApiRef } from './oauth2AuthApi';

const providers = (auth: object) => signInProviders(new ConfigReader({ auth }));

describe('signInProviders', () => {
  it('offers only guest in the quick start', () => {
    expect(providers({ providers: { guest: {} } })).toEqual(['guest']);
  });

  it('offers only the organisation’s OAuth 2.0 server in production, never guest', () => {
    const offered = providers({
      environment: 'production',
      providers: {
        oauth2: { production: { clientId: 'portal', clientSecret: 's' } },
      },
    });
    expect(offered).toEqual([
      expect.objectContaining({
        id: 'oauth2-auth-provider',
        apiRef: oauth2AuthApiRef,
      }),
    ]);
    expect(offered).not.toContain('guest');
  });

  it('offers nothing when no provider is configured', () => {
    expect(providers({})).toEqual([]);
  });
});
