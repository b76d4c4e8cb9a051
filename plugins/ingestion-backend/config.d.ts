export interface Config {
  ingestion?: {
    /** Entity ref of the group whose members administer the platform. Default group:default/platform-admins. */
    platformAdminGroup?: string;
    /** Size of one Spark Unit as bought from the infrastructure team. Default 4 cores, 16 GiB. */
    sparkUnit?: {
      cores: number;
      memoryGiB: number;
    };
    /** The quick start's demo: purchases and jobs created on first start (when no job exists yet). */
    demo?: {
      enabled?: boolean;
      purchases?: Array<{
        tenant: string;
        unitType: string;
        quantity: number;
        period: string;
      }>;
      /** Job specifications as the REST API takes them; local target paths are relative to the backend. */
      jobs?: Array<{ [key: string]: unknown }>;
    };
    /** Whether jobs may land data in a local folder of the executor's machine (quick start only). Default false. */
    allowLocalTargets?: boolean;
    /**
     * Folder of local targets (relative to the backend's working directory): tenant `group:<ns>/<name>` may only
     * write under `<localTargetRoot>/<ns>/<name>/`. Without it no local target is accepted.
     */
    localTargetRoot?: string;
    /** Length of a time slice in minutes; must divide 1440. Default 15. */
    sliceMinutes?: number;
    /** Days ahead the slice calendar holds; at least 7. Default 7. */
    horizonDays?: number;
    /** Id of the executor that runs jobs: local-spark (quick start) or kubernetes. Default: the only one installed. */
    executor?: string;
    /** Seconds between dispatcher ticks (start due runs, follow running ones). Default 5. */
    dispatchIntervalSeconds?: number;
    /**
     * Services allowed to call the ingestion API, by principal subject (plugin:<id> for backend plugins,
     * external:<subject> for external access tokens), with what they may do. Any other service gets 403.
     * Default: plugin:catalog with jobs.read (the catalog provider) and plugin:ingestion with registry.read
     * (this plugin's modules).
     */
    servicePrincipals?: Array<{
      subject: string;
      scopes: Array<'jobs.read' | 'registry.read'>;
    }>;
    /**
     * Other systems calling the API with OAuth 2.0 client-credentials access tokens (JWTs) of this authorization
     * server. Each client must also be registered by a platform admin (Platform admin page) for one tenant and
     * scopes. Absent: only Backstage tokens are accepted.
     */
    externalClients?: {
      /** `iss` of the access tokens. */
      issuer: string;
      /** `aud` the access tokens must carry (this API's resource indicator); never `backstage`. */
      audience: string;
      /** The authorization server's JWKS (signing keys) URL. */
      jwksUrl: string;
    };
    /** How many manual ("run now") runs of one tenant may wait in the queue at once; more get 429. Default 5. */
    maxQueuedManualRunsPerTenant?: number;
    /**
     * How long a run waits on a database or S3 endpoint that does not answer, in seconds (1-86400). Defaults:
     * connect 10, login 30 (database handshake and authentication), socket 600 (silence on an open connection;
     * S3 requests wait at least 15). A run that hits one fails with a message naming the values.
     */
    /**
     * A run still going after `slaMultiple` times its job's SLA is stopped, marked timed_out, charged up to that
     * limit only, and its tenant is notified. Default 2; at least 1.
     */
    runTimeLimit?: {
      slaMultiple?: number;
    };
    /**
     * Lending of idle dedicated capacity to waiting vCPU-hours runs (opportunistic runs, preempted when the owners
     * need the capacity back). The dedicated namespace lends once more than `idleThresholdPercent` of it (default
     * 20, 0-99) has been idle for more than `idleMinutes` (default 5). Borrowers are ranked by their core-hours of
     * the last `usageWindowHours` (default 24), halved every `usageHalfLifeHours` (default 6), over the vCPU-hours
     * they bought: lowest first.
     */
    lending?: {
      idleThresholdPercent?: number;
      idleMinutes?: number;
      usageHalfLifeHours?: number;
      usageWindowHours?: number;
    };
    sourceTimeouts?: {
      connectSeconds?: number;
      loginSeconds?: number;
      socketSeconds?: number;
    };
    /** How many times its cores' hours the vcore-hours namespace may sell as vCPU-hours. Default 1 (none). */
    vcpuHourOversubscription?: number;
    /** The resource estimator: list prices (shown with their currency) and the confidence of its intervals. */
    estimator?: {
      prices?: {
        /** ISO 4217 code. Default EUR. */
        currency?: string;
        /** One Dedicated Ingestion Unit for a month. Default 200. */
        dedicatedUnitPerMonth?: number;
        /** One vCPU for one hour. Default 0.1. */
        vcpuHour?: number;
      };
      /** Probability the duration interval is meant to hold a run's duration. Default 0.9. */
      confidence?: number;
    };
    /** Draft profiling of new jobs. */
    profiling?: {
      /** Consecutive draft runs within the SLA that promote a job to production (1 to 100). Default 3. */
      runs?: number;
    };
    /** Kubernetes namespace names and their Spark Units on first start (the registry is then the source of truth). */
    namespaces?: {
      dedicated?: { name?: string; initialSparkUnits?: number };
      'vcore-hours'?: { name?: string; initialSparkUnits?: number };
      draft?: { name?: string; initialSparkUnits?: number };
    };
  };
}
