import { parseEntityRef } from '@backstage/catalog-model';
import {
  ApiClient,
  ApiClientRegistration,
} from '@internal/backstage-plugin-ingestion-common';
import { API_CLIENT_SCOPES, isApiClientScope } from './apiClientScopes';

export type { ApiClient, ApiClientRegistration };

/** Client ids as authorization servers issue them: printable, no spaces, at most 255 characters. */
const CLIENT_ID = /^[\x21-\x7e]{1,255}$/;

/**
 * Checks a registration and names every bad field (empty when valid). Whether the tenant exists is the caller's
 * to check: it needs the catalog.
 */
export function registrationProblems(input: {
  clientId?: unknown;
  tenant?: unknown;
  scopes?: unknown;
}): string[] {
  const problems: string[] = [];
  if (typeof input.clientId !== 'string' || !CLIENT_ID.test(input.clientId)) {
    problems.push(
      'clientId must be 1 to 255 printable characters without spaces, as the authorization server issued it',
    );
  }
  if (!isGroupRef(input.tenant)) {
    problems.push(
      'tenant must be a group entity ref, e.g. group:default/team-lyra',
    );
  }
  const scopes = Array.isArray(input.scopes) ? input.scopes : [];
  if (scopes.length === 0 || !scopes.every(isApiClientScope)) {
    problems.push(
      `scopes must be a non-empty list of ${API_CLIENT_SCOPES.join(', ')}`,
    );
  } else if (new Set(scopes).size !== scopes.length) {
    problems.push('scopes must not repeat');
  }
  return problems;
}

function isGroupRef(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const ref = parseEntityRef(value);
    return (
      ref.kind.toLocaleLowerCase('en-US') === 'group' &&
      value.startsWith('group:')
    );
  } catch {
    return false;
  }
}
