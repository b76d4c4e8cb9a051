import {
  FileFormat,
  JobResources,
  JobSchedule,
  SourceType,
  TargetType,
} from './jobs';

/**
 * What the estimator is asked (`POST /estimates`).
 *
 * @public
 */
export interface EstimateRequest {
  sourceType: SourceType;
  targetType: TargetType;
  /** Format of the source files (S3 sources); relational sources have none. */
  format?: FileFormat;
  dataVolumeGiB: number;
  /** The run must finish within this many minutes (the SLA). */
  desiredCompletionMinutes: number;
  /** Parallel reads the source allows (JDBC `numPartitions`); caps the useful cores. */
  partitions?: number;
  /** How often the job runs; it sets the runs per month the vCPU-hour cost is computed for. */
  schedule?: JobSchedule;
}

/**
 * Which runs an estimate rests on: the job's own, similar jobs' (same source, target and format), or none (the
 * conservative prior).
 *
 * @public
 */
export type EstimateBasis = 'job' | 'similar' | 'prior';

/**
 * A duration with its interval, in minutes.
 *
 * @public
 */
export interface DurationEstimate {
  expectedMinutes: number;
  lowMinutes: number;
  highMinutes: number;
  /** Probability the interval is meant to hold the run's duration (e.g. 0.9). */
  confidence: number;
}

/**
 * The cost of the recommended size for one month under each purchase model, in `currency`.
 *
 * @public
 */
export interface CostComparison {
  currency: string;
  runsPerMonth: number;
  /** True when no schedule was given and one run a day was assumed. */
  runsPerMonthAssumed: boolean;
  dedicated: { units: number; pricePerUnitMonth: number; amount: number };
  vcpuHours: { vcpuHours: number; pricePerVcpuHour: number; amount: number };
  cheaper: 'dedicated' | 'vcpu-hours';
  /** How much less the cheaper option costs per month. */
  savings: number;
}

/**
 * The predicted duration at one size: one point of the estimator's chart.
 *
 * @public
 */
export interface SizeOption {
  ingestionUnits: number;
  cores: number;
  duration: DurationEstimate;
  meetsDeadline: boolean;
}

/**
 * Sizing from a finished run's own task timeline (its Spark event log) replayed at each size, Sparklens-style.
 *
 * @public
 */
export interface RunReplayEstimate {
  /** The run replayed: the job's latest succeeded run that left an event log. */
  runId: string;
  slaMinutes: number;
  sizes: Array<{
    ingestionUnits: number;
    /** Executor task slots (executors × cores each): what the replay places tasks on. */
    taskSlots: number;
    predictedMinutes: number;
    meetsSla: boolean;
  }>;
  /** The smallest size that meets the SLA, or the fastest when none does. */
  recommendation: {
    ingestionUnits: number;
    taskSlots: number;
    predictedMinutes: number;
    meetsSla: boolean;
    resources: JobResources;
    cores: number;
    memoryMiB: number;
  };
  cost: CostComparison;
  /** What was missing from the event log; a partial log is replayed from what it has. */
  gaps: string[];
}

/**
 * The estimator's answer.
 *
 * @public
 */
export interface ResourceEstimate {
  request: EstimateRequest;
  basis: EstimateBasis;
  /** Plain words for the basis, e.g. "12 runs of this job" or "no history: conservative prior". */
  basisLabel: string;
  history: { jobRuns: number; similarRuns: number; similarJobs: number };
  /** The fitted model: fixed start-up cost and throughput per allocated core. */
  model: { startupSeconds: number; bytesPerCoreSecond: number };
  recommendation: {
    ingestionUnits: number;
    resources: JobResources;
    /** Cores and memory the run asks of its namespace (driver and executors, memory overhead included). */
    cores: number;
    memoryMiB: number;
    /** False when no size up to the limit finishes within the desired time at the interval's upper end. */
    meetsDeadline: boolean;
  };
  duration: DurationEstimate;
  cost: CostComparison;
  options: SizeOption[];
  /** For a job with a finished run whose event log the executor kept: that run replayed at each size. */
  lastRunReplay?: RunReplayEstimate;
}
