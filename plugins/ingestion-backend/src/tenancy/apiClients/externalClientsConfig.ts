import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** The OAuth 2.0 authorization server whose client-credentials access tokens other systems call the API with. */
export interface ExternalClientsConfig {
  /** `iss` of its access tokens. */
  issuer: string;
  /** `aud` the tokens must carry: this API's resource indicator. Never `backstage` (that is a user token's). */
  audience: string;
  /** Where its signing keys are published (JWKS). */
  jwksUrl: string;
}

/** Reads `ingestion.externalClients`; undefined when other systems are not let in. */
export function readExternalClientsConfig(
  root: Config,
): ExternalClientsConfig | undefined {
  const config = root.getOptionalConfig('ingestion.externalClients');
  if (!config) return undefined;
  const issuer = config.getString('issuer');
  const audience = config.getString('audience');
  const jwksUrl = config.getString('jwksUrl');
  if (audience === 'backstage') {
    throw new InputError(
      'ingestion.externalClients.audience must not be "backstage": Backstage reads such tokens as user tokens',
    );
  }
  if (!URL.canParse(jwksUrl)) {
    throw new InputError(
      `ingestion.externalClients.jwksUrl must be a URL, got ${jwksUrl}`,
    );
  }
  return { issuer, audience, jwksUrl };
}
