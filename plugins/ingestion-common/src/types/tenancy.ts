/**
 * Who is calling, as the ingestion service sees it: a user (or an external client) and the tenants it acts for.
 * A tenant is a catalog Group of `spec.type: tenant`.
 *
 * @public
 */
export interface Caller {
  /** Entity ref of the user, or the subject of an external token. */
  principal: string;
  /** Group entity refs of the tenants the caller belongs to, sorted. */
  tenants: string[];
  /** Whether the caller administers the platform (member of the configured platform admin group). */
  platformAdmin: boolean;
}

/**
 * The platform admin group when `ingestion.platformAdminGroup` is not set.
 *
 * @public
 */
export const DEFAULT_PLATFORM_ADMIN_GROUP = 'group:default/platform-admins';
