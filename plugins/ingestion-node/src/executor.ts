import {
  NamespaceTier,
  RunSizing,
} from '@internal/backstage-plugin-ingestion-common';

/**
 * Cores and memory granted to one run, split the way Spark asks for them: the sizing stamped on the run when it
 * was queued. Memory is per process, overhead included; split it with `splitPodMemory`.
 *
 * @public
 */
export type RunResources = RunSizing;

/**
 * How long a run waits on its source and S3 endpoints, in seconds (ingestion-app/README.md, `timeouts`); a field
 * left out keeps the application's default (connect 10, login 30, socket 600).
 *
 * @public
 */
export interface SourceTimeouts {
  connectSeconds?: number;
  loginSeconds?: number;
  socketSeconds?: number;
}

/**
 * Everything an executor needs to start one run of an ingestion job.
 * Credentials are never inside: `secretRef` names a secret the executor resolves in its own environment.
 *
 * @public
 */
export interface RunSubmission {
  runId: string;
  jobId: string;
  /** Group entity ref of the owning tenant. */
  tenant: string;
  tier: NamespaceTier;
  namespace: string;
  resources: RunResources;
  /** Whether the run uses capacity lent by the dedicated namespace (preemptible, not debited). */
  opportunistic: boolean;
  /** The job's source and target, in the ingestion application's configuration format. */
  application: {
    source: Record<string, unknown>;
    target: Record<string, unknown>;
    watermark: string | null;
    secretRef?: string;
    timeouts?: SourceTimeouts;
  };
}

/** @public */
export type ExecutorRunState =
  | 'submitted'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'cancelled';

/**
 * Metrics measured by the engine for one finished run.
 *
 * @public
 */
export interface RunMetrics {
  durationMs: number;
  cpuTimeMs: number;
  executorRunTimeMs: number;
  peakMemoryBytes: number;
  bytesIn: number;
  bytesOut: number;
  recordsIn: number;
  recordsOut: number;
}

/**
 * What an executor currently knows of a run.
 *
 * @public
 */
export interface RunObservation {
  runId: string;
  state: ExecutorRunState;
  startedAt?: string;
  finishedAt?: string;
  /** Why a run failed, in words a tenant can act on. */
  message?: string;
  metrics?: RunMetrics;
  /** New incremental-load watermark reported by a successful run. */
  watermark?: string | null;
  /** Where a successful run's data landed. */
  outputPath?: string;
}

/**
 * Runs ingestion work on some engine (local Spark, Kubernetes spark-operator). The scheduler does not know which.
 *
 * @public
 */
export interface IngestionExecutor {
  /** Stable id used in config (`ingestion.executor`) and in stored run records. */
  readonly id: string;
  /** Starts a run. Submitting a run id that the executor already knows must not start it twice. */
  submit(run: RunSubmission): Promise<void>;
  /** Current state of a run; `undefined` when the executor has no trace of it. */
  observe(runId: string): Promise<RunObservation | undefined>;
  /** Stops a run and frees its resources. Cancelling an unknown or finished run is a no-op. */
  cancel(runId: string): Promise<void>;
  /** Every run the executor still tracks, so a restarted scheduler can adopt them. */
  listActive(): Promise<RunObservation[]>;
  /**
   * Whether `tenant` owns a secret called `name` that this executor can hand to the tenant's runs. Asked when a
   * job is validated or saved; it must never read the secret's value. Another tenant's secret of the same name
   * does not count.
   */
  hasSecret(tenant: string, name: string): Promise<boolean>;
  /**
   * The Spark event log (JSON lines) a finished run left, for the estimator to replay the run at other sizes;
   * `undefined` when there is none. Executors that keep no event logs leave the method out.
   */
  readEventLog?(runId: string): Promise<string | undefined>;
}
