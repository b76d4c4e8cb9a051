import { Config } from '@backstage/config';
import { IdentityProviders } from '@backstage/core-components';
import { oauth2AuthApiRef } from './oauth2AuthApi';

/**
 * The sign-in options the configuration enables: the organisation's OAuth 2.0 server when `auth.providers.oauth2`
 * is set (production), guest when `auth.providers.guest` is (the quick start). Nothing else is offered, so a
 * production portal without guest shows no guest button.
 */
export function signInProviders(config: Config): IdentityProviders {
  const configured = config.getOptionalConfig('auth.providers');
  const providers: IdentityProviders = [];
  if (configured?.has('oauth2')) {
    providers.push({
      id: 'oauth2-auth-provider',
      title: 'Single sign-on',
      message: 'Sign in with your organisation account',
      apiRef: oauth2AuthApiRef,
    });
  }
  if (configured?.has('guest')) providers.push('guest');
  return providers;
}
