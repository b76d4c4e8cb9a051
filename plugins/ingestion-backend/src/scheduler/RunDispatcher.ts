import { LoggerService } from '@backstage/backend-plugin-api';
import {
  IngestionJob,
  IngestionRun,
  RunState,
} from '@internal/backstage-plugin-ingestion-common';
import {
  IngestionExecutor,
  RunObservation,
} from '@internal/backstage-plugin-ingestion-node';
import { randomUUID } from 'node:crypto';
import { IngestionConfig, namespaceNames } from '../config';
import { JobStore } from '../database/JobStore';
import { RunStore } from '../database/RunStore';
import { allocateRun } from '../domain/scheduling/runAllocation';
import { expandSchedule } from '../domain/scheduling/scheduleExpansion';
import { CapacityService } from '../services/CapacityService';
import { InsufficientBalanceError } from '../services/InsufficientBalanceError';
import { RunFinishedListener } from '../services/lifecycle/RunFinishedListener';
import { RunCanceller } from '../services/JobSchedulerPort';
import { RunAlerts } from '../services/RunAlerts';
import { isPastTimeLimit, runTimeLimitMs } from '../domain/jobs/runTimeLimit';
import { toRunSubmission } from './toRunSubmission';
import { FairDispatchOrder } from './fairDispatchOrder';
import { CapacityLending } from '../services/lending/CapacityLending';
import { Resources } from '../domain/scheduling/resources';
import { borrowerOrder } from '../domain/lending/borrowerPriority';
import { assignLentCapacity } from '../domain/lending/lentCapacityAssignment';
import { reclaimVictims } from '../domain/lending/reclaimVictims';
import {
  preemptionMessage,
  requeueAfterPreemption,
} from '../domain/lending/preemption';
import { coreHoursHeld } from '../domain/ledger/runDebit';

/** What happened in one tick, for logs and tests. */
export interface TickReport {
  queued: number;
  started: number;
  finished: number;
  refused: number;
  /** Runs started on capacity lent by the dedicated namespace. */
  lent: number;
  /** Opportunistic runs stopped to give lent capacity back. */
  preempted: number;
}

/** Where opportunistic runs' use is counted: on the dedicated namespace's lent capacity, not their own tier. */
const LENT = 'lent';

const ACTIVE: RunState[] = ['submitted', 'running'];
const NO_USE: Resources = { cores: 0, memoryMiB: 0 };
const plus = (a: Resources, b: Resources): Resources => ({
  cores: a.cores + b.cores,
  memoryMiB: a.memoryMiB + b.memoryMiB,
});
const JOB_PAGE = 500;

/**
 * Turns schedules into runs and runs into executor work, from stored state only, so that any replica can pick up
 * after another one died:
 * - due occurrences become queued runs keyed by (job, occurrence), so re-materialising never duplicates them;
 * - a queued run moves to submitted BEFORE it is handed to the executor (compare-and-set on its state), and
 *   executors ignore a run id they already know: a crash between the two steps resubmits, never doubles;
 * - finished runs are metered before their final transition, and metering is idempotent per run.
 */
export class RunDispatcher implements RunCanceller {
  readonly #fairOrder = new FairDispatchOrder();

  constructor(
    private readonly deps: {
      config: IngestionConfig;
      jobs: JobStore;
      runs: RunStore;
      capacity: CapacityService;
      executor: IngestionExecutor;
      logger: LoggerService;
      /** Told of every run that finished (SLA outcome, profiling, alerts). */
      runFinished?: RunFinishedListener;
      /** Told when a run is stopped at its time limit, or preempted on lent capacity. */
      alerts?: RunAlerts;
      /** Lending of idle dedicated capacity; without it nothing is lent. */
      lending?: CapacityLending;
      /** How far back a missed occurrence is still run (default: one slice, 15 minutes). */
      catchUpMs?: number;
      now?: () => number;
    },
  ) {}

  #now() {
    return (this.deps.now ?? Date.now)();
  }

  async tick(): Promise<TickReport> {
    const now = this.#now();
    const report: TickReport = {
      queued: 0,
      started: 0,
      finished: 0,
      refused: 0,
      lent: 0,
      preempted: 0,
    };
    const jobs = await this.#activeJobs();
    report.queued = await this.#queueDueOccurrences(jobs, now);
    report.finished = await this.#observeActiveRuns(now, jobs);
    await this.#catchUp();
    const started = await this.#startQueuedRuns(jobs, now);
    report.started = started.started;
    report.refused = started.refused;
    report.lent = started.lent;
    report.preempted = started.preempted;
    if (report.started + report.finished > 0)
      await this.deps.lending?.changed();
    return report;
  }

  async #activeJobs(): Promise<Map<string, IngestionJob>> {
    const all = new Map<string, IngestionJob>();
    for (let offset = 0; ; offset += JOB_PAGE) {
      const { items } = await this.deps.jobs.list(
        {},
        { limit: JOB_PAGE, offset },
      );
      items.forEach(job => all.set(job.id, job));
      if (items.length < JOB_PAGE) return all;
    }
  }

  async #queueDueOccurrences(
    jobs: Map<string, IngestionJob>,
    now: number,
  ): Promise<number> {
    const catchUp = this.deps.catchUpMs ?? 15 * 60_000;
    let queued = 0;
    for (const job of jobs.values()) {
      if (job.status !== 'active') continue;
      const from = Math.max(now - catchUp, Date.parse(job.createdAt));
      const due = expandSchedule(job.schedule, from, now + 1);
      // After a long outage only the latest missed occurrence runs, not a burst of stale ones.
      const latest = due.at(-1);
      if (latest === undefined) continue;
      const created = await this.#queue(
        job,
        'schedule',
        latest,
        `schedule:${job.id}:${latest}`,
        now,
      );
      if (created) queued += 1;
    }
    return queued;
  }

  async #queue(
    job: IngestionJob,
    trigger: IngestionRun['trigger'],
    scheduledFor: number,
    dedupeKey: string,
    now: number,
  ) {
    return this.deps.runs.create({
      id: randomUUID(),
      jobId: job.id,
      tenant: job.tenant,
      trigger,
      scheduledFor: new Date(scheduledFor).toISOString(),
      ...allocateRun(job, namespaceNames(this.deps.config)),
      opportunistic: false,
      executor: this.deps.executor.id,
      queuedAt: new Date(now).toISOString(),
      dedupeKey,
    });
  }

  async #startQueuedRuns(jobs: Map<string, IngestionJob>, now: number) {
    const registry = await this.deps.capacity.registry();
    const active = await this.deps.runs.listInStates(ACTIVE);
    const queued = await this.deps.runs.listInStates(['queued']);
    const used = new Map<string, { cores: number; memoryMiB: number }>();
    const add = (key: string, run: IngestionRun) => {
      const u = used.get(key) ?? { cores: 0, memoryMiB: 0 };
      used.set(key, {
        cores: u.cores + run.allocatedCores,
        memoryMiB: u.memoryMiB + run.allocatedMemoryMiB,
      });
    };
    const remove = (key: string, run: IngestionRun) => {
      const u = used.get(key) ?? { cores: 0, memoryMiB: 0 };
      used.set(key, {
        cores: u.cores - run.allocatedCores,
        memoryMiB: u.memoryMiB - run.allocatedMemoryMiB,
      });
    };
    const use = (key: string) => used.get(key) ?? { cores: 0, memoryMiB: 0 };
    active.forEach(run => {
      if (run.opportunistic) {
        add(LENT, run);
        return;
      }
      add(run.tier, run);
      add(`${run.tier}:${run.tenant}`, run);
    });
    const lentRuns = active.filter(run => run.opportunistic);
    const weights = new Map<string, number>();
    for (const tenant of new Set(queued.map(r => r.tenant))) {
      weights.set(
        tenant,
        (await this.deps.capacity.balance(tenant)).purchasedHours,
      );
    }

    const expected = (run: IngestionRun) => {
      const job = jobs.get(run.jobId);
      return (job?.estimates.expectedDurationMinutes ?? 15) * 60_000;
    };
    let started = 0;
    let refused = 0;
    let preempted = 0;
    for (const ns of registry.namespaces) {
      const waiting = queued.filter(r => r.tier === ns.tier);
      // Shared capacity is handed out fairly by purchased vCPU-hours; dedicated and draft runs go in arrival order.
      const tierQueue =
        ns.tier === 'vcore-hours'
          ? this.#fairOrder.order(waiting, weights, expected)
          : [...waiting].sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
      for (const run of tierQueue) {
        const job = jobs.get(run.jobId);
        if (!job) {
          await this.#transition(
            run,
            'queued',
            'cancelled',
            now,
            'the job was deleted before the run started',
          );
          continue;
        }
        if (job.status === 'paused') continue; // held until the job is resumed
        if (run.pool === 'vcore-hours' && !run.opportunistic) {
          try {
            await this.deps.capacity.assertCanConsume(run.tenant);
          } catch (error) {
            if (!(error instanceof InsufficientBalanceError)) throw error;
            await this.#transition(
              run,
              'queued',
              'cancelled',
              now,
              error.message,
            );
            refused += 1;
            continue;
          }
        }
        const capacity = { cores: ns.cores, memoryMiB: ns.memoryGiB * 1024 };
        const lent = ns.tier === 'dedicated' ? use(LENT) : NO_USE;
        const fits = (held: Resources) =>
          held.cores + run.allocatedCores <= capacity.cores &&
          held.memoryMiB + run.allocatedMemoryMiB <= capacity.memoryMiB;
        const fitsTenant =
          ns.tier !== 'dedicated' ||
          use(`dedicated:${run.tenant}`).cores + run.allocatedCores <=
            (await this.deps.capacity.capacity(run.tenant)).dedicatedUnits *
              registry.sparkUnitSize.cores;
        if (!fits(use(ns.tier)) || !fitsTenant) continue; // waits for capacity; later runs may still fit
        if (!fits(plus(use(ns.tier), lent))) {
          // The owners' capacity is free but lent: take it back (Requirement 8.4).
          const held = plus(use(ns.tier), lent);
          const needed = {
            cores: held.cores + run.allocatedCores - capacity.cores,
            memoryMiB:
              held.memoryMiB + run.allocatedMemoryMiB - capacity.memoryMiB,
          };
          const stopped = await this.#reclaim(run, needed, lentRuns);
          stopped.forEach(victim => {
            remove(LENT, victim);
            lentRuns.splice(lentRuns.indexOf(victim), 1);
          });
          preempted += stopped.length;
          if (!fits(plus(use(ns.tier), use(LENT)))) continue;
        }
        const handedTo = { executor: this.deps.executor.id };
        if (
          !(await this.#transition(
            run,
            'queued',
            'submitted',
            now,
            undefined,
            handedTo,
          ))
        )
          continue;
        add(ns.tier, run);
        add(`${ns.tier}:${run.tenant}`, run);
        if (ns.tier === 'vcore-hours')
          this.#fairOrder.dispatched(run, weights, expected);
        await this.#submit(job, run, now);
        started += 1;
      }
    }
    const lentNow = await this.#lendIdleCapacity(
      registry.namespaces.find(ns => ns.tier === 'dedicated'),
      queued,
      jobs,
      { owned: use('dedicated'), lent: use(LENT) },
      now,
      run => add(LENT, run),
    );
    return { started: started + lentNow, refused, lent: lentNow, preempted };
  }

  /**
   * Lets waiting vcore-hours runs start on the dedicated namespace's idle capacity, as opportunistic runs, lowest
   * recent utilisation first (Requirements 8.2, 8.3, 8.5). They run in the dedicated namespace, at the lowest
   * priority, and are not debited. They do not advance their tenant's fair-share tag either: they take nothing from
   * the shared namespace.
   */
  async #lendIdleCapacity(
    dedicated: { cores: number; memoryGiB: number } | undefined,
    queued: IngestionRun[],
    jobs: Map<string, IngestionJob>,
    use: { owned: Resources; lent: Resources },
    now: number,
    holdLent: (run: IngestionRun) => void,
  ): Promise<number> {
    const lending = this.deps.lending;
    if (!lending || !dedicated) return 0;
    const lendable = await lending.observe(
      {
        capacity: {
          cores: dedicated.cores,
          memoryMiB: dedicated.memoryGiB * 1024,
        },
        ...use,
      },
      now,
    );
    if (lendable.cores <= 0 || lendable.memoryMiB <= 0) return 0;
    const waiting = queued.filter(
      run =>
        run.state === 'queued' &&
        run.tier === 'vcore-hours' &&
        jobs.get(run.jobId)?.status === 'active',
    );
    if (waiting.length === 0) return 0;
    const utilisation = await lending.borrowerUtilisation(
      waiting.map(run => run.tenant),
      now,
    );
    const borrowers = assignLentCapacity(
      lendable,
      borrowerOrder(waiting, utilisation).map(run => ({
        run,
        cores: run.allocatedCores,
        memoryMiB: run.allocatedMemoryMiB,
      })),
    );
    let lent = 0;
    const namespace = namespaceNames(this.deps.config).dedicated;
    for (const { run } of borrowers) {
      const moved = await this.deps.runs.transition(run.id, {
        from: 'queued',
        to: 'submitted',
        at: now,
        reason: `started on capacity lent by the dedicated namespace (${namespace}): preemptible, not debited`,
        executor: this.deps.executor.id,
        opportunistic: true,
        namespace,
      });
      if (!moved) continue;
      Object.assign(run, {
        state: 'submitted',
        opportunistic: true,
        namespace,
      });
      holdLent(run);
      await lending.audit.recordLoan({
        runId: run.id,
        tenant: run.tenant,
        cores: run.allocatedCores,
        memoryMiB: run.allocatedMemoryMiB,
        at: now,
      });
      await this.#submit(jobs.get(run.jobId)!, run, now);
      lent += 1;
    }
    return lent;
  }

  /**
   * Stops the opportunistic runs the victim rule picks so that `needed` is free again for `claimant`, requeues them
   * (never charged: opportunistic runs are not debited) and records the reclaim with its timings. Returns the runs
   * stopped.
   */
  async #reclaim(
    claimant: IngestionRun,
    needed: Resources,
    lentRuns: IngestionRun[],
  ): Promise<IngestionRun[]> {
    const lending = this.deps.lending;
    if (!lending || lentRuns.length === 0) return [];
    const now = this.#now();
    const utilisation = await lending.borrowerUtilisation(
      lentRuns.map(run => run.tenant),
      now,
    );
    const picked = new Set(
      reclaimVictims(
        needed,
        lentRuns.map(run => ({
          runId: run.id,
          cores: run.allocatedCores,
          memoryMiB: run.allocatedMemoryMiB,
          // Not running yet: the youngest of all, nothing of it would be lost.
          startedAt: run.startedAt ? Date.parse(run.startedAt) : now,
          utilisationPercent: utilisation.get(run.tenant) ?? 0,
        })),
      ).map(victim => victim.runId),
    );
    const victims = lentRuns.filter(run => picked.has(run.id));
    // Victims are stopped together: the claimant waits for the slowest, not for their sum.
    await Promise.all(victims.map(run => this.#preempt(run, claimant)));
    const stoppedAt = this.#now();
    await lending.audit.recordReclaim({
      runId: claimant.id,
      tenant: claimant.tenant,
      cores: claimant.allocatedCores,
      memoryMiB: claimant.allocatedMemoryMiB,
      at: stoppedAt,
      requestedAt: Date.parse(claimant.queuedAt),
      victims: victims.length,
    });
    this.deps.logger.info(
      `Run ${claimant.id} of ${
        claimant.tenant
      } took back lent dedicated capacity: ${
        victims.length
      } opportunistic run(s) preempted in ${
        stoppedAt - Date.parse(claimant.queuedAt)
      } ms since it was queued`,
    );
    return victims;
  }

  async #preempt(run: IngestionRun, claimant: IngestionRun): Promise<void> {
    const now = this.#now();
    const requeued = requeueAfterPreemption(run, {
      runId: randomUUID(),
      now,
      homeNamespace: namespaceNames(this.deps.config)[run.tier],
    });
    const requeuedAs =
      (await this.deps.runs.create(requeued))?.id ??
      (await this.deps.runs.getByDedupeKey(requeued.dedupeKey))?.id ??
      requeued.id;
    await this.deps.executor.cancel(run.id);
    const seen = (await this.deps.executor.observe(run.id)) ?? {
      runId: run.id,
      state: 'cancelled' as const,
    };
    const preemptedAt = this.#now();
    const startedAt = run.startedAt ? Date.parse(run.startedAt) : preemptedAt;
    await this.#finish(
      run,
      {
        ...seen,
        state: 'cancelled',
        message: preemptionMessage({ startedAt, preemptedAt, requeuedAs }),
      },
      preemptedAt,
    );
    const job = await this.deps.jobs.get(run.jobId);
    if (job) {
      await this.deps.alerts
        ?.runPreempted(
          run,
          job,
          preemptionMessage({ startedAt, preemptedAt, requeuedAs }),
        )
        .catch(error =>
          this.deps.logger.warn(
            `Could not tell ${run.tenant} about preempted run ${run.id}: ${error}`,
          ),
        );
    }
    await this.deps.lending?.audit.recordPreemption({
      runId: run.id,
      tenant: run.tenant,
      cores: run.allocatedCores,
      memoryMiB: run.allocatedMemoryMiB,
      at: preemptedAt,
      reclaimedFor: claimant.id,
      requeuedAs,
    });
  }

  async #submit(job: IngestionJob, run: IngestionRun, now: number) {
    try {
      const watermark = await this.deps.jobs.getWatermark(job.id);
      await this.deps.executor.submit(
        toRunSubmission(job, run, watermark, this.deps.config.sourceTimeouts),
      );
      this.deps.logger.info(
        `Run ${run.id} of job ${job.id} submitted to ${this.deps.executor.id} in ${run.namespace}`,
      );
    } catch (error) {
      await this.#transition(
        run,
        'submitted',
        'failed',
        now,
        `submission failed: ${(error as Error).message}`,
        { finishedAt: now },
      );
    }
  }

  async #observeActiveRuns(
    now: number,
    jobs?: Map<string, IngestionJob>,
  ): Promise<number> {
    let finished = 0;
    for (const run of await this.deps.runs.listInStates(ACTIVE)) {
      const job = jobs
        ? jobs.get(run.jobId)
        : await this.deps.jobs.get(run.jobId);
      if (job && (await this.#stopIfPastTimeLimit(run, job, now))) {
        finished += 1;
        continue;
      }
      const seen = await this.deps.executor.observe(run.id);
      if (!seen) {
        if (run.state === 'submitted') {
          // Crashed between recording the submission and handing it over: hand it over now.
          if (job) await this.#submit(job, run, now);
        } else {
          await this.#finish(
            run,
            {
              runId: run.id,
              state: 'failed',
              message: 'the executor lost track of the run',
            },
            now,
          );
          finished += 1;
        }
        continue;
      }
      if (seen.state === 'running' && run.state === 'submitted') {
        const startedAt = seen.startedAt ? Date.parse(seen.startedAt) : now;
        await this.#transition(run, 'submitted', 'running', now, undefined, {
          startedAt,
        });
        if (run.tier === 'dedicated') {
          await this.deps.lending?.audit.recordReclaimRunning(
            run.id,
            startedAt,
          );
        }
      } else if (
        seen.state === 'succeeded' ||
        seen.state === 'failed' ||
        seen.state === 'cancelled'
      ) {
        await this.#finish(run, seen, now);
        finished += 1;
      }
    }
    return finished;
  }

  /**
   * Stops a run that has gone on past its time limit (a multiple of its job's SLA): it is marked timed_out,
   * metered up to the limit only, and its tenant is alerted. A run that finished meanwhile keeps its outcome.
   */
  async #stopIfPastTimeLimit(
    run: IngestionRun,
    job: IngestionJob,
    now: number,
  ): Promise<boolean> {
    if (run.state !== 'running' || !run.startedAt) return false;
    const startedAt = Date.parse(run.startedAt);
    const limitMs = runTimeLimitMs(
      job.estimates.slaMinutes,
      this.deps.config.runTimeLimitSlaMultiple,
    );
    if (!isPastTimeLimit(startedAt, now, limitMs)) return false;
    await this.deps.executor.cancel(run.id);
    const seen = (await this.deps.executor.observe(run.id)) ?? {
      runId: run.id,
      state: 'cancelled' as const,
    };
    if (seen.state === 'succeeded' || seen.state === 'failed') {
      await this.#finish(run, seen, now);
      return true;
    }
    const limitMinutes = Math.round(limitMs / 60_000);
    await this.#finish(run, seen, now, {
      state: 'timed_out',
      message: `stopped after the run time limit of ${limitMinutes} min (${this.deps.config.runTimeLimitSlaMultiple} × the SLA of ${job.estimates.slaMinutes} min); charged up to the limit`,
      chargeUntil: startedAt + limitMs,
    });
    this.deps.logger.warn(
      `Run ${run.id} of job ${job.id} stopped at its time limit of ${limitMinutes} min`,
    );
    await this.deps.alerts
      ?.runTimedOut(run, job, limitMinutes)
      .catch(error =>
        this.deps.logger.warn(
          `Could not alert ${run.tenant} about run ${run.id}: ${error}`,
        ),
      );
    return true;
  }

  async #finish(
    run: IngestionRun,
    seen: RunObservation,
    now: number,
    stopped?: { state: RunState; message: string; chargeUntil: number },
  ) {
    const job = await this.deps.jobs.get(run.jobId);
    const startedText = seen.startedAt ?? run.startedAt;
    const startedAt = startedText ? Date.parse(startedText) : undefined;
    const finishedAt = seen.finishedAt ? Date.parse(seen.finishedAt) : now;
    const chargedUntil = stopped
      ? Math.min(finishedAt, stopped.chargeUntil)
      : finishedAt;
    // Meter first, from the run (its job may be gone): if this replica dies before the transition below, the next
    // tick meters again (a no-op).
    if (startedAt !== undefined) {
      await this.deps.capacity.recordRunCompletion(
        run.tenant,
        {
          runId: run.id,
          allocatedCores: run.allocatedCores,
          startedAt,
          finishedAt: chargedUntil,
          opportunistic: run.opportunistic,
        },
        run.pool,
      );
    }
    if (run.opportunistic && startedAt !== undefined) {
      await this.deps.lending?.audit.recordLoanEnded(
        run.id,
        chargedUntil,
        coreHoursHeld({
          runId: run.id,
          allocatedCores: run.allocatedCores,
          startedAt,
          finishedAt: Math.max(startedAt, chargedUntil),
          opportunistic: true,
        }),
      );
    }
    if (job && seen.state === 'succeeded' && seen.watermark !== undefined) {
      await this.deps.jobs.setWatermark(job.id, seen.watermark);
    }
    const moved = await this.#transition(
      run,
      run.state,
      stopped?.state ?? seen.state,
      now,
      stopped?.message ?? seen.message,
      {
        ...(startedAt !== undefined && { startedAt }),
        finishedAt,
        ...(seen.metrics && { metrics: seen.metrics }),
        ...(seen.state === 'succeeded' && {
          outputPath: seen.outputPath,
          watermark: seen.watermark,
        }),
      },
    );
    if (moved) await this.#followUp(run.id);
  }

  async #catchUp() {
    try {
      await this.deps.runFinished?.catchUp();
    } catch (error) {
      this.deps.logger.warn(`Follow-up of finished runs failed: ${error}`);
    }
  }

  /** Hands a finished run to the lifecycle; a failure there never undoes the run (it is picked up again). */
  async #followUp(runId: string) {
    if (!this.deps.runFinished) return;
    try {
      await this.deps.runFinished.runFinished(runId);
    } catch (error) {
      this.deps.logger.warn(
        `Follow-up of finished run ${runId} failed, will retry: ${error}`,
      );
    }
  }

  /** Cancels a queued or active run. */
  async cancel(run: IngestionRun, reason: string): Promise<void> {
    const now = this.#now();
    if (run.state === 'queued') {
      await this.#transition(run, 'queued', 'cancelled', now, reason, {
        finishedAt: now,
      });
      return;
    }
    if (ACTIVE.includes(run.state)) {
      await this.deps.executor.cancel(run.id);
      const seen = (await this.deps.executor.observe(run.id)) ?? {
        runId: run.id,
        state: 'cancelled' as const,
      };
      await this.#finish(
        run,
        { ...seen, state: 'cancelled', message: reason },
        now,
      );
    }
  }

  /**
   * On start-up: observe every run the database believes active, so nothing is left hanging or started twice;
   * and stop engine runs that are still going but that no job owns, or that are already over here (cancelled
   * while the scheduler was away), so they do not hold capacity.
   */
  async reconcile(): Promise<void> {
    const finished = await this.#observeActiveRuns(this.#now());

    let stopped = 0;
    for (const seen of await this.deps.executor.listActive()) {
      if (!ACTIVE.includes(seen.state)) continue;
      const stored = await this.deps.runs.get(seen.runId);
      if (stored && ACTIVE.includes(stored.state)) continue;
      this.deps.logger.warn(
        stored
          ? `Run ${seen.runId} is ${stored.state} here but still ${seen.state} in ${this.deps.executor.id}; stopping it`
          : `${this.deps.executor.id} runs ${seen.runId}, which no job owns; stopping it`,
      );
      await this.deps.executor.cancel(seen.runId);
      stopped += 1;
    }
    this.deps.logger.info(
      `Reconciled runs after start-up: ${finished} finished while the scheduler was away, ${stopped} stray engine runs stopped`,
    );
  }

  async #transition(
    run: IngestionRun,
    from: RunState,
    to: RunState,
    at: number,
    reason?: string,
    fields: {
      startedAt?: number;
      finishedAt?: number;
      metrics?: IngestionRun['metrics'];
      executor?: string;
      outputPath?: string;
      watermark?: string | null;
    } = {},
  ): Promise<boolean> {
    const moved = await this.deps.runs.transition(run.id, {
      from,
      to,
      at,
      reason,
      ...fields,
    });
    if (moved) run.state = to;
    return moved;
  }
}
