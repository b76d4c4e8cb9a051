/**
 * Credentials of one named secret, as jobs reference it in `credentialsSecret`.
 *
 * @public
 */
export interface LocalExecutorSecret {
  user?: string;
  password?: string;
  accessKey?: string;
  secretKey?: string;
}

/**
 * Everything the local Spark executor needs, with paths already absolute.
 *
 * @public
 */
export interface LocalExecutorOptions {
  /** Folder holding one sub-folder per run. */
  workDir: string;
  sparkSubmit: string;
  /** Python of the Spark driver (PYSPARK_PYTHON). */
  python: string;
  jarsDir: string;
  applicationFile: string;
  /** Upper bound of N in local[N]. */
  maxCores: number;
  /** Time between SIGTERM and SIGKILL when a run is cancelled. */
  cancelGraceMs: number;
  /** Finished runs older than this are deleted and no longer listed. */
  keepFinishedRunsMs: number;
  /** Whether running Spark processes outlive the backend (and are adopted by the next one). */
  onShutdown: 'keep' | 'cancel';
  /** Secrets by tenant (group entity ref), then by the name jobs reference in `credentialsSecret`. */
  secrets: TenantSecrets;
}

/**
 * Each tenant's secrets by name. A job reaches only its own tenant's entry, so two tenants may use the same
 * name for different credentials and neither can name the other's.
 *
 * @public
 */
export type TenantSecrets = Record<string, Record<string, LocalExecutorSecret>>;
