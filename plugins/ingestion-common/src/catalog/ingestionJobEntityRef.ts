import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

const MAX_ENTITY_NAME_LENGTH = 63;
const HASH_LENGTH = 8;

/** FNV-1a, 32 bits, as 8 hex digits: a stable, dependency-free (browser-safe) fingerprint. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(HASH_LENGTH, '0');
}

/**
 * The catalog entity name and namespace of an ingestion job: `<tenant-name>-<job-name>` in the tenant group's
 * namespace. Names longer than 63 characters are shortened and suffixed with a fingerprint of the tenant and job, so
 * that they stay unique and stable. Job names are unique per tenant, hence so are entity names.
 *
 * @public
 */
export function ingestionJobEntityName(job: { tenant: string; name: string }): {
  namespace: string;
  name: string;
} {
  const tenant = parseEntityRef(job.tenant, {
    defaultKind: 'group',
    defaultNamespace: 'default',
  });
  const readable = `${tenant.name}-${job.name}`;
  if (readable.length <= MAX_ENTITY_NAME_LENGTH) {
    return { namespace: tenant.namespace, name: readable };
  }
  const prefix = readable
    .slice(0, MAX_ENTITY_NAME_LENGTH - HASH_LENGTH - 1)
    .replace(/[-_.]+$/, '');
  return {
    namespace: tenant.namespace,
    name: `${prefix}-${fingerprint(`${job.tenant}/${job.name}`)}`,
  };
}

/**
 * The ref of the catalog Resource entity that represents an ingestion job, e.g.
 * `resource:default/team-orion-nightly-orders`.
 *
 * @public
 */
export function ingestionJobEntityRef(job: {
  tenant: string;
  name: string;
}): string {
  return stringifyEntityRef({
    kind: 'resource',
    ...ingestionJobEntityName(job),
  });
}
