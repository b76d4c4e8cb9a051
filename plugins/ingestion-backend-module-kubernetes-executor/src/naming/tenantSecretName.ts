import { shortHash } from './labels';

const MAX_SECRET_NAME = 253;

/**
 * How jobs' `credentialsSecret` names map to Kubernetes Secrets in the run's namespace.
 * - `tenant-scoped` (default): `<tenant name>-<hash of the tenant ref>.<credentialsSecret>`. Runs of several
 *   tenants share a namespace, and a pod may reference any Secret of its namespace; scoping the name by tenant
 *   means a job can only ever reach its own tenant's Secrets, whatever name it writes.
 * - `as-referenced`: the Secret is named exactly `credentialsSecret` (one tenant per cluster, or Secrets
 *   managed by a policy engine that enforces ownership).
 */
export type SecretNaming = 'tenant-scoped' | 'as-referenced';

/**
 * The Kubernetes Secret a tenant's `credentialsSecret` reference resolves to, e.g. tenant
 * `group:default/team-orion` and `orders-db` give `team-orion-b0406b2aea.orders-db`. Exported so that platform
 * tooling creating tenants' Secrets computes the same name.
 *
 * @public
 */
export function tenantSecretName(
  tenantRef: string,
  credentialsSecret: string,
  naming: SecretNaming = 'tenant-scoped',
): string {
  if (naming === 'as-referenced') {
    return credentialsSecret;
  }
  const entityName = tenantRef.slice(tenantRef.lastIndexOf('/') + 1);
  const readable =
    entityName
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'tenant';
  const name = `${readable}-${shortHash(tenantRef)}.${credentialsSecret}`;
  if (name.length > MAX_SECRET_NAME) {
    throw new Error(
      `credentialsSecret ${credentialsSecret} is too long: the tenant-scoped Secret name ${name} exceeds ${MAX_SECRET_NAME} characters`,
    );
  }
  return name;
}
