import {
  API_CLIENT_SCOPES,
  ApiClientScope,
} from '@internal/backstage-plugin-ingestion-common';

// Each operation of the OpenAPI document that API clients may call names one of these in `x-ingestion-scope`.
export { API_CLIENT_SCOPES };
export type { ApiClientScope };

export function isApiClientScope(value: unknown): value is ApiClientScope {
  return API_CLIENT_SCOPES.includes(value as ApiClientScope);
}

/**
 * The scopes a request of a client carries: those a platform admin granted it, narrowed to those its token was
 * issued for when the token names any (a client may ask its authorization server for less than it holds).
 */
export function effectiveScopes(
  granted: readonly ApiClientScope[],
  tokenScopes: readonly string[] | undefined,
): ApiClientScope[] {
  if (tokenScopes === undefined) return [...granted];
  return granted.filter(scope => tokenScopes.includes(scope));
}

/** The scopes of an access token: RFC 9068's space-separated `scope`, or the `scp` array some servers issue. */
export function tokenScopesOf(claims: {
  scope?: unknown;
  scp?: unknown;
}): string[] | undefined {
  if (typeof claims.scope === 'string') {
    return claims.scope.split(' ').filter(Boolean);
  }
  if (Array.isArray(claims.scp)) {
    return claims.scp.filter((s): s is string => typeof s === 'string');
  }
  return undefined;
}
