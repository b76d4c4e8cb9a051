import path from 'node:path';

/**
 * The folder a tenant's local targets must stay in: `<root>/<namespace>/<name>` of its group entity ref, e.g.
 * `group:default/team-orion` under `/srv/lake` is `/srv/lake/default/team-orion`.
 */
export function tenantLocalFolder(root: string, tenant: string): string {
  const [, namespace = 'default', name = ''] =
    /^[^:]+:(?:([^/]+)\/)?(.+)$/.exec(tenant) ?? [];
  return path.join(root, safeSegment(namespace), safeSegment(name));
}

/** An entity ref segment as one folder name: never empty, '.', '..' or containing a separator. */
function safeSegment(segment: string): string {
  const cleaned = segment.replace(/[^A-Za-z0-9._-]/g, '_');
  return /^\.*$/.test(cleaned) ? `_${cleaned}` : cleaned;
}

/**
 * Why a local target path is not allowed for the tenant, or undefined when it is: it must be an absolute,
 * normalised path strictly inside the tenant's folder under the configured root (no `..`, not the folder itself,
 * not another tenant's folder, nothing else on the machine).
 */
export function localTargetProblem(
  targetPath: string,
  tenant: string,
  root: string | undefined,
): string | undefined {
  if (!root) {
    return 'local targets need ingestion.localTargetRoot: land the data in s3 or hdfs';
  }
  const folder = tenantLocalFolder(root, tenant);
  if (
    !path.isAbsolute(targetPath) ||
    path.normalize(targetPath) !== targetPath ||
    targetPath.endsWith(path.sep)
  ) {
    return `must be an absolute path without . or .. segments inside ${folder}`;
  }
  if (!targetPath.startsWith(`${folder}${path.sep}`)) {
    return `must be inside the tenant's folder ${folder}`;
  }
  return undefined;
}
