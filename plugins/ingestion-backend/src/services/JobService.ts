import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { EventsService } from '@backstage/plugin-events-node';
import {
  CapacityPool,
  IngestionJob,
  IngestionRun,
  JobHealth,
  JobSchedule,
} from '@internal/backstage-plugin-ingestion-common';
import {
  INGESTION_JOB_EVENTS_TOPIC,
  IngestionExecutor,
  IngestionJobEvent,
} from '@internal/backstage-plugin-ingestion-node';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { IngestionConfig, namespaceNames } from '../config';
import { JobFilter, JobStore } from '../database/JobStore';
import { RunStore } from '../database/RunStore';
import {
  checkJobSpec,
  FieldProblem,
  validateJobSpec,
} from '../domain/jobs/validateJobSpec';
import { specOf } from '../domain/jobs/specOf';
import { runEfficiency } from '../domain/lifecycle/efficiency';
import { allocateRun } from '../domain/scheduling/runAllocation';
import { localTargetProblem } from '../domain/jobs/localTargetFolder';
import { ResolvedCaller } from '../tenancy/CallerResolver';
import { CapacityService } from './CapacityService';
import { JobCalendar, RunCanceller } from './JobSchedulerPort';
import { AdmissionQueue } from './admission/AdmissionQueue';
import { JobLifecycleSteps } from './lifecycle/JobLifecycleSteps';
import {
  AdmissionDecision,
  JobAdmissionCheck,
  runAdmissionChecks,
} from './admission/JobAdmission';
import { InsufficientBalanceError } from './InsufficientBalanceError';
import { TooManyQueuedRunsError } from './TooManyQueuedRunsError';

/** A refused admission, answered with its status, reason and the windows that would fit. */
export class AdmissionRefusedError extends Error {
  name = 'AdmissionRefusedError';
  constructor(
    readonly decision: Extract<AdmissionDecision, { admitted: false }>,
    readonly statusCode = decision.status,
  ) {
    super(decision.reason);
  }
}

/** A job whose fields name what is not the tenant's (a secret, a folder): 400 with each problem. */
export class JobFieldsError extends InputError {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map(p => `${p.field} ${p.message}`).join('; '));
  }
}

/** What a validation (dry run) reports: field problems, or the admission decision for a valid job. */
export interface JobValidation {
  valid: boolean;
  problems: FieldProblem[];
  pool?: CapacityPool;
  admission?: AdmissionDecision;
}

/**
 * The lifecycle of ingestion jobs: validation, admission, persistence, change events, and manual runs.
 * Tenancy is enforced here: a caller sees and changes only its tenants' jobs (platform admins all of them).
 */
export class JobService {
  constructor(
    private readonly deps: {
      config: IngestionConfig;
      jobs: JobStore;
      runs: RunStore;
      capacity: CapacityService;
      /** Absent when no executor is installed: runs can be queued but not cancelled in an engine. */
      dispatcher?: RunCanceller;
      /** The executor that will run the jobs: asked whether the secrets a job names are its tenant's. */
      executor?: Pick<IngestionExecutor, 'id' | 'hasSecret'>;
      admission: JobAdmissionCheck[];
      /** Shared with the lifecycle's promotions, so admissions happen one at a time. */
      admissions: AdmissionQueue;
      lifecycle: JobLifecycleSteps;
      /** Told of every saved or removed job, so the slice calendar reflects it at once. */
      calendar?: JobCalendar;
      events: Pick<EventsService, 'publish'>;
      logger: LoggerService;
      now?: () => number;
    },
  ) {}

  #now() {
    return (this.deps.now ?? Date.now)();
  }

  #assertMember(caller: ResolvedCaller, tenant: string) {
    if (
      caller.service ||
      (!caller.platformAdmin && !caller.tenants.includes(tenant))
    ) {
      throw new NotFoundError(`No tenant ${tenant} of yours`);
    }
  }

  /** Reads a job the caller may see; other tenants' jobs do not exist for it (404, not 403: no probing). */
  async get(caller: ResolvedCaller, id: string): Promise<IngestionJob> {
    const job = await this.deps.jobs.get(id);
    if (
      !job ||
      !(
        caller.service ||
        caller.platformAdmin ||
        caller.tenants.includes(job.tenant)
      )
    ) {
      throw new NotFoundError(`No ingestion job ${id}`);
    }
    return job;
  }

  async list(
    caller: ResolvedCaller,
    filter: JobFilter & { tenant?: string },
    page: { limit: number; offset: number },
  ) {
    const { tenant, ...rest } = filter;
    const visible =
      caller.service || caller.platformAdmin ? undefined : caller.tenants;
    let tenants = visible;
    if (tenant) tenants = visible && !visible.includes(tenant) ? [] : [tenant];
    return this.deps.jobs.list({ ...rest, tenants }, page);
  }

  /** The pool a job draws from: the one asked for, or the tenant's own (dedicated units first). */
  async #resolvePool(
    tenant: string,
    asked?: CapacityPool,
  ): Promise<CapacityPool> {
    if (asked) return asked;
    const capacity = await this.deps.capacity.capacity(tenant);
    if (capacity.dedicatedUnits > 0) return 'dedicated';
    if (capacity.vcpuHours.purchasedHours > 0) return 'vcore-hours';
    throw new InsufficientBalanceError(
      `${tenant} has bought no capacity yet: buy Dedicated Ingestion Units or vCPU-hours on the Capacity page before creating jobs`,
    );
  }

  async #candidate(
    caller: ResolvedCaller,
    input: unknown,
    previous?: IngestionJob,
  ): Promise<IngestionJob> {
    const spec = validateJobSpec(input);
    this.#assertMember(caller, spec.tenant);
    if (spec.target.type === 'local' && !this.deps.config.allowLocalTargets) {
      throw new InputError(
        'target.type local is for development only (ingestion.allowLocalTargets): land the data in s3 or hdfs',
      );
    }
    const problems = await this.#ownershipProblems(spec);
    if (problems.length > 0) throw new JobFieldsError(problems);
    if (previous && previous.tenant !== spec.tenant) {
      throw new InputError(
        'tenant cannot change: create the job under the other tenant instead',
      );
    }
    const pool = await this.#resolvePool(
      spec.tenant,
      spec.pool ?? previous?.pool,
    );
    const at = new Date(this.#now()).toISOString();
    return {
      ...spec,
      pool,
      id: previous?.id ?? randomUUID(),
      lifecycle: previous?.lifecycle ?? 'draft',
      tier: previous?.tier ?? 'draft',
      status: previous?.status ?? 'active',
      createdAt: previous?.createdAt ?? at,
      createdBy: previous?.createdBy ?? caller.principal,
      updatedAt: at,
    };
  }

  /**
   * What the job names that is not its tenant's: a secret the executor does not hold for the tenant (its value
   * is never read), or a local folder outside the tenant's own.
   */
  async #ownershipProblems(
    spec: Pick<IngestionJob, 'tenant' | 'source' | 'target'>,
  ): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    if (spec.target.type === 'local') {
      const problem = localTargetProblem(
        spec.target.path,
        spec.tenant,
        this.deps.config.localTargetRoot,
      );
      if (problem) problems.push({ field: 'target.path', message: problem });
    }
    const { executor } = this.deps;
    if (!executor) return problems;
    const named: Array<[string, unknown]> = [
      ['source.credentialsSecret', (spec.source as any).credentialsSecret],
      ['target.credentialsSecret', (spec.target as any).credentialsSecret],
    ];
    for (const [field, name] of named) {
      if (typeof name !== 'string' || name === '') continue;
      if (!(await executor.hasSecret(spec.tenant, name))) {
        problems.push({
          field,
          message: `names ${name}, which is not a secret of ${spec.tenant} in the ${executor.id} executor: ask a platform admin to add it for the tenant`,
        });
      }
    }
    return problems;
  }

  /** Admission and the write that follows it, one at a time (see AdmissionQueue). */
  #serialized<T>(fn: () => Promise<T>): Promise<T> {
    return this.deps.admissions.run(fn);
  }

  async #admit(candidate: IngestionJob, previous?: IngestionJob) {
    const decision = await runAdmissionChecks(
      this.deps.admission,
      candidate,
      previous,
    );
    if (!decision.admitted) throw new AdmissionRefusedError(decision);
  }

  /** Dry run: every field problem, or whether the job would be admitted and where. Stores nothing. */
  async validate(
    caller: ResolvedCaller,
    input: unknown,
  ): Promise<JobValidation> {
    const checked = checkJobSpec(input);
    if (!checked.ok) return { valid: false, problems: checked.problems };
    try {
      const candidate = await this.#candidate(caller, input);
      const admission = await runAdmissionChecks(
        this.deps.admission,
        candidate,
      );
      return {
        valid: admission.admitted,
        problems: [],
        pool: candidate.pool,
        admission,
      };
    } catch (error) {
      if (error instanceof JobFieldsError) {
        return { valid: false, problems: error.problems };
      }
      if (error instanceof InsufficientBalanceError) {
        return {
          valid: false,
          problems: [],
          admission: { admitted: false, status: 402, reason: error.message },
        };
      }
      throw error;
    }
  }

  async create(caller: ResolvedCaller, input: unknown): Promise<IngestionJob> {
    const candidate = await this.#candidate(caller, input);
    if (candidate.pool === 'vcore-hours')
      await this.deps.capacity.assertCanConsume(candidate.tenant);
    const job = await this.#serialized(async () => {
      await this.#admit(candidate);
      const { id, lifecycle, tier } = candidate;
      const created = await this.deps.jobs.create({
        id,
        spec: specOf(candidate),
        lifecycle,
        tier,
        by: caller.principal,
        at: this.#now(),
      });
      await this.deps.calendar?.jobSaved(created);
      return created;
    });
    this.deps.logger.info(
      `Job ${job.id} (${job.tenant}/${job.name}) created by ${caller.principal} in pool ${job.pool}`,
    );
    await this.#announce({ action: 'upserted', job });
    return job;
  }

  async update(
    caller: ResolvedCaller,
    id: string,
    input: unknown,
  ): Promise<IngestionJob> {
    const previous = await this.get(caller, id);
    const changed = await this.#candidate(caller, input, previous);
    const reprofile = reprofiledBy(previous, changed);
    // A job that moves or sizes its work differently is profiled again, in the draft namespace.
    const candidate: IngestionJob = reprofile
      ? { ...changed, lifecycle: 'draft', tier: 'draft' }
      : changed;
    const job = await this.#serialized(async () => {
      await this.#admit(candidate, previous);
      if (!reprofile) {
        const updated = await this.deps.jobs.update(
          id,
          { spec: specOf(candidate) },
          caller.principal,
          this.#now(),
        );
        await this.deps.calendar?.jobSaved(updated);
        return updated;
      }
      // The new spec and the return to draft are one write: no moment where the job has the new source or
      // resources in a production namespace.
      return this.deps.lifecycle.sendBack(
        previous,
        caller.principal,
        `${
          previous.lifecycle === 'production'
            ? 'Sent back to draft'
            : 'Profiling starts over'
        }: its ${reprofile.join(', ')} changed, so it is profiled again`,
        { spec: specOf(candidate) },
      );
    });
    await this.#announce({ action: 'upserted', job });
    return job;
  }

  async health(caller: ResolvedCaller, id: string): Promise<JobHealth> {
    return this.deps.lifecycle.health(await this.get(caller, id));
  }

  /** A platform admin promotes a draft by hand; the namespace of its pool must still admit its schedule. */
  async promote(caller: ResolvedCaller, id: string): Promise<IngestionJob> {
    const job = await this.get(caller, id);
    if (job.lifecycle === 'production') return job;
    return this.deps.lifecycle.promote(job.id, caller.principal);
  }

  /** A platform admin sends a production job back to draft, if the draft namespace admits it. */
  async sendBack(
    caller: ResolvedCaller,
    id: string,
    reason?: string,
  ): Promise<IngestionJob> {
    const previous = await this.get(caller, id);
    if (previous.lifecycle === 'draft') return previous;
    const job = await this.#serialized(async () => {
      await this.#admit(
        { ...previous, lifecycle: 'draft', tier: 'draft' },
        previous,
      );
      return this.deps.lifecycle.sendBack(
        previous,
        caller.principal,
        `Sent back to draft by ${caller.principal}${
          reason ? `: ${reason}` : ''
        }`,
      );
    });
    return job;
  }

  async changeSchedule(
    caller: ResolvedCaller,
    id: string,
    schedule: JobSchedule,
  ): Promise<IngestionJob> {
    const previous = await this.get(caller, id);
    return this.update(caller, id, { ...specOf(previous), schedule });
  }

  async setStatus(
    caller: ResolvedCaller,
    id: string,
    status: IngestionJob['status'],
  ): Promise<IngestionJob> {
    const previous = await this.get(caller, id);
    this.#assertMember(caller, previous.tenant);
    const job = await this.#serialized(async () => {
      // A paused job gave its slices back; resuming takes them again only if they are still free.
      if (status === 'active' && previous.status === 'paused') {
        await this.#admit({ ...previous, status }, previous);
      }
      const updated = await this.deps.jobs.update(
        id,
        { status },
        caller.principal,
        this.#now(),
      );
      await this.deps.calendar?.jobSaved(updated);
      return updated;
    });
    await this.#announce({ action: 'upserted', job });
    return job;
  }

  async delete(caller: ResolvedCaller, id: string): Promise<void> {
    const job = await this.get(caller, id);
    this.#assertMember(caller, job.tenant);
    // Runs end with their job; one that ran is still metered (from the run, which outlives the job).
    const reason = `the job was deleted by ${caller.principal}`;
    for (const run of await this.deps.runs.listInStates(
      ['queued', 'submitted', 'running'],
      id,
    )) {
      await this.#cancel(run, reason);
    }
    await this.deps.jobs.delete(id);
    this.deps.logger.info(
      `Job ${id} (${job.tenant}/${job.name}) deleted by ${caller.principal}`,
    );
    await this.#announce({
      action: 'deleted',
      jobId: id,
      tenant: job.tenant,
      name: job.name,
    });
  }

  /**
   * Queues a run now, outside the schedule. vCPU-hour jobs of a tenant at zero are refused (402), and so is a
   * run beyond the tenant's limit of queued manual runs (429), so one tenant cannot fill the shared queue. With
   * an idempotency key (the Idempotency-Key header) a repeated request answers the run it queued the first time.
   */
  async executeNow(
    caller: ResolvedCaller,
    id: string,
    idempotencyKey?: string,
  ): Promise<IngestionRun & { replayed?: boolean }> {
    const job = await this.get(caller, id);
    this.#assertMember(caller, job.tenant);
    const runId = randomUUID();
    const dedupeKey =
      idempotencyKey === undefined
        ? `manual:${runId}`
        : `manual-request:${job.id}:${idempotencyKey}`;
    const earlier = await this.deps.runs.getByDedupeKey(dedupeKey);
    if (earlier) return { ...earlier, replayed: true };
    if (job.pool === 'vcore-hours')
      await this.deps.capacity.assertCanConsume(job.tenant);
    return this.#serialized(async () => {
      const limit = this.deps.config.maxQueuedManualRunsPerTenant;
      if ((await this.deps.runs.countQueued(job.tenant, 'manual')) >= limit) {
        throw new TooManyQueuedRunsError(
          `${job.tenant} already has ${limit} manual runs waiting to start (ingestion.maxQueuedManualRunsPerTenant): run again once some have started`,
        );
      }
      const created = await this.#queueManualRun(job, runId, dedupeKey);
      // A concurrent request with the same key queued it first.
      return (
        created ?? {
          ...(await this.deps.runs.getByDedupeKey(dedupeKey))!,
          replayed: true,
        }
      );
    });
  }

  async #queueManualRun(job: IngestionJob, runId: string, dedupeKey: string) {
    const now = new Date(this.#now()).toISOString();
    return this.deps.runs.create({
      id: runId,
      jobId: job.id,
      tenant: job.tenant,
      trigger: 'manual',
      scheduledFor: now,
      ...allocateRun(job, namespaceNames(this.deps.config)),
      opportunistic: false,
      queuedAt: now,
      dedupeKey,
    });
  }

  async listRuns(
    caller: ResolvedCaller,
    jobId: string,
    page: { limit: number; offset: number },
  ) {
    const job = await this.get(caller, jobId);
    const runs = await this.deps.runs.listByJob(jobId, page);
    return { ...runs, items: await this.#withServerView(job, runs.items) };
  }

  /** What the server adds to stored runs: their efficiency, and for queued runs the estimated start. */
  async #withServerView(
    job: IngestionJob,
    runs: IngestionRun[],
  ): Promise<IngestionRun[]> {
    const estimatedStartAt = runs.some(run => run.state === 'queued')
      ? await this.deps.calendar?.estimateStart(job)
      : undefined;
    return runs.map(run => {
      const efficiency = runEfficiency(run);
      return {
        ...run,
        ...(efficiency && { efficiency }),
        ...(run.state === 'queued' && estimatedStartAt && { estimatedStartAt }),
      };
    });
  }

  /** One run of one of the caller's jobs, as the run list shows it. */
  async getRun(
    caller: ResolvedCaller,
    jobId: string,
    runId: string,
  ): Promise<IngestionRun> {
    const job = await this.get(caller, jobId);
    const run = await this.deps.runs.get(runId);
    if (!run || run.jobId !== jobId)
      throw new NotFoundError(`No run ${runId} of job ${jobId}`);
    const [shown] = await this.#withServerView(job, [run]);
    return shown;
  }

  /** Cancels a queued or running run of one of the caller's jobs. */
  async cancelRun(
    caller: ResolvedCaller,
    jobId: string,
    runId: string,
  ): Promise<IngestionRun> {
    const job = await this.get(caller, jobId);
    this.#assertMember(caller, job.tenant);
    const run = await this.deps.runs.get(runId);
    if (!run || run.jobId !== jobId)
      throw new NotFoundError(`No run ${runId} of job ${jobId}`);
    await this.#cancel(run, `cancelled by ${caller.principal}`);
    return (await this.deps.runs.get(runId))!;
  }

  async #cancel(run: IngestionRun, reason: string) {
    if (run.state === 'queued' || !this.deps.dispatcher) {
      await this.deps.runs.transition(run.id, {
        from: run.state,
        to: 'cancelled',
        at: this.#now(),
        reason,
        finishedAt: this.#now(),
      });
    } else {
      await this.deps.dispatcher.cancel(run, reason);
    }
  }

  async #announce(event: IngestionJobEvent) {
    if (event.action === 'deleted')
      await this.deps.calendar?.jobRemoved(event.jobId);
    try {
      await this.deps.events.publish({
        topic: INGESTION_JOB_EVENTS_TOPIC,
        eventPayload: event,
      });
    } catch (error) {
      // The catalog provider also re-reads all jobs periodically, so a lost event only delays the entity.
      this.deps.logger.warn(`Could not publish job event: ${error}`);
    }
  }
}

/** The parts of a job whose change makes its profile worthless: where it reads, where it writes, how it is sized. */
function reprofiledBy(
  previous: IngestionJob,
  next: IngestionJob,
): string[] | undefined {
  const changed = (['source', 'target', 'resources'] as const).filter(
    // Through JSON, as stored: an absent optional field and an undefined one are the same.
    part =>
      !isDeepStrictEqual(
        JSON.parse(JSON.stringify(previous[part])),
        JSON.parse(JSON.stringify(next[part])),
      ),
  );
  return changed.length > 0 ? changed : undefined;
}
