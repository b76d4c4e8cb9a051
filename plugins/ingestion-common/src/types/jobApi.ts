import {
  CapacityPool,
  IngestionJob,
  IngestionJobSpec,
  JobLifecycle,
  JobResources,
} from './jobs';

/**
 * What a tenant submits to create a job: without a pool the job draws from the tenant's own (dedicated units
 * first), without resources it gets the service's default executor sizing.
 *
 * @public
 */
export type IngestionJobInput = Omit<IngestionJobSpec, 'pool' | 'resources'> & {
  pool?: CapacityPool;
  resources?: JobResources;
};

/**
 * One problem with one field of a job specification, e.g. `{ field: 'source.port', message: 'must be from 1 to 65535' }`.
 *
 * @public
 */
export interface JobFieldProblem {
  /** Dotted path of the field in the job specification. */
  field: string;
  message: string;
}

/**
 * A window in which a refused schedule would fit, offered by the scheduler.
 *
 * @public
 */
export interface AlternativeWindow {
  /** How far the schedule is shifted from the one asked for. */
  shiftMinutes: number;
  /** First run of the shifted schedule (ISO 8601). */
  firstStart: string;
  schedule: IngestionJob['schedule'];
}

/**
 * Whether a job fits the tenant's purchased capacity and the slice calendar.
 *
 * @public
 */
export type AdmissionDecision =
  | { admitted: true }
  | {
      admitted: false;
      /** 402 when buying capacity fixes it, 409 when the platform has no room. */
      status: 402 | 409;
      reason: string;
      alternatives?: AlternativeWindow[];
      /** When the job could start, if it waits. */
      earliestStart?: string;
    };

/**
 * What `POST /jobs/validate` (a dry run of creating a job) reports: the field problems, or the admission decision
 * and the pool of a well-formed job.
 *
 * @public
 */
export interface JobValidation {
  valid: boolean;
  problems: JobFieldProblem[];
  pool?: CapacityPool;
  admission?: AdmissionDecision;
}

/**
 * Filters and paging of `GET /jobs`.
 *
 * @public
 */
export interface JobListQuery {
  tenant?: string;
  status?: IngestionJob['status'];
  lifecycle?: JobLifecycle;
  pool?: CapacityPool;
  search?: string;
  /** 1 to 500, default 50. */
  limit?: number;
  offset?: number;
}

/**
 * One page of jobs and how many match in total.
 *
 * @public
 */
export interface JobList {
  items: IngestionJob[];
  totalCount: number;
}
