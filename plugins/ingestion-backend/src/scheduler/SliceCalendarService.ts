import { LoggerService } from '@backstage/backend-plugin-api';
import {
  IngestionJob,
  NamespaceTier,
} from '@internal/backstage-plugin-ingestion-common';
import { IngestionConfig } from '../config';
import { JobStore } from '../database/JobStore';
import { RunStore } from '../database/RunStore';
import { decideAdmission } from '../domain/scheduling/admission';
import { describeAdmissionRefusal } from '../domain/scheduling/admissionRefusal';
import { reservedRunDurationMs } from '../domain/scheduling/reservedRunDuration';
import { runDemand, tierFor } from '../domain/scheduling/placement';
import {
  CalendarCapacities,
  rebuildCalendar,
  reservationFor,
  SchedulableJob,
} from '../domain/scheduling/reservation';
import { Resources } from '../domain/scheduling/resources';
import {
  HeatmapCell,
  SliceCalendar,
  SliceRuns,
} from '../domain/scheduling/sliceCalendar';
import { estimateStartTime } from '../domain/scheduling/startTimeEstimate';
import { CapacityService } from '../services/CapacityService';
import { JobCalendar } from '../services/JobSchedulerPort';
import { PromotionCalendar } from '../services/lifecycle/PromotionCalendar';
import {
  decidePromotion,
  PromotionDecision,
} from '../domain/lifecycle/promotion';
import {
  AdmissionDecision,
  JobAdmissionCheck,
} from '../services/admission/JobAdmission';

const JOB_PAGE = 500;
const MEASURED_RUNS = 10;

/** One slice of the admin heatmap, with the jobs whose runs occupy it. */
export interface HeatmapSlice extends HeatmapCell {
  jobs: SliceRuns[];
}

/**
 * Keeps the slice calendar of every active job in memory (compact typed arrays, see SliceCalendar) and in step
 * with the stored jobs: rebuilt in full at start-up and when capacities change, updated job by job when a job is
 * saved or removed (so a schedule change is reflected at once, not at the next rebuild), and rolled forward as
 * time passes. It is also the slice-by-slice admission check.
 */
export class SliceCalendarService
  implements JobAdmissionCheck, JobCalendar, PromotionCalendar
{
  readonly name = 'slice-calendar';
  #calendar: SliceCalendar | undefined;

  constructor(
    private readonly deps: {
      config: IngestionConfig;
      /** Of the predicted duration whose upper end is reserved for a resized job (the estimator's). */
      sizingConfidence: number;
      jobs: JobStore;
      runs: RunStore;
      capacity: CapacityService;
      logger: LoggerService;
      now?: () => number;
    },
  ) {}

  #now() {
    return (this.deps.now ?? Date.now)();
  }

  async #capacities(): Promise<CalendarCapacities> {
    const registry = await this.deps.capacity.registry();
    const tiers: Partial<Record<NamespaceTier, Resources>> = {};
    for (const ns of registry.namespaces) {
      tiers[ns.tier] = { cores: ns.cores, memoryMiB: ns.memoryGiB * 1024 };
    }
    const tenants: Record<string, Resources> = {};
    for (const [
      tenant,
      units,
    ] of await this.deps.capacity.dedicatedUnitsByTenant()) {
      tenants[tenant] = {
        cores: units * registry.sparkUnitSize.cores,
        memoryMiB: units * registry.sparkUnitSize.memoryGiB * 1024,
      };
    }
    return { tiers, tenants };
  }

  /** What the calendar reserves for a job: its tier, one run's demand, and the duration its runs are expected to take. */
  async schedulable(job: IngestionJob): Promise<SchedulableJob> {
    const { items } = await this.deps.runs.listByJob(job.id, {
      limit: 50,
      offset: 0,
    });
    const demand = runDemand(job.resources);
    const measured = items
      .filter(
        run => run.state === 'succeeded' && run.startedAt && run.finishedAt,
      )
      .slice(0, MEASURED_RUNS)
      .map(run => {
        const heldMs = Date.parse(run.finishedAt!) - Date.parse(run.startedAt!);
        return {
          cores: run.allocatedCores,
          bytesIn: run.metrics?.bytesIn ?? 0,
          durationSeconds: (run.metrics?.durationMs ?? heldMs) / 1000,
          heldMs,
        };
      });
    return {
      jobId: job.id,
      tier: tierFor(job),
      tenant: job.tenant,
      demand,
      schedule: job.schedule,
      expectedDurationMs: reservedRunDurationMs({
        estimateMinutes: job.estimates.expectedDurationMinutes,
        cores: demand.cores,
        measured,
        confidence: this.deps.sizingConfidence,
      }),
    };
  }

  /** Recomputes the whole calendar from the stored jobs and current capacities. */
  async rebuild(): Promise<{ jobs: number; ms: number }> {
    const started = Date.now();
    const schedulable: SchedulableJob[] = [];
    for (let offset = 0; ; offset += JOB_PAGE) {
      const { items } = await this.deps.jobs.list(
        { status: 'active' },
        { limit: JOB_PAGE, offset },
      );
      for (const job of items) schedulable.push(await this.schedulable(job));
      if (items.length < JOB_PAGE) break;
    }
    this.#calendar = rebuildCalendar(
      {
        now: this.#now(),
        sliceMinutes: this.deps.config.sliceMinutes,
        horizonDays: this.deps.config.horizonDays,
      },
      await this.#capacities(),
      schedulable,
    );
    const ms = Date.now() - started;
    this.deps.logger.info(
      `Slice calendar rebuilt: ${schedulable.length} active jobs in ${ms} ms`,
    );
    return { jobs: schedulable.length, ms };
  }

  async #ready(): Promise<SliceCalendar> {
    if (!this.#calendar) await this.rebuild();
    return this.#calendar!;
  }

  /** Rolls the horizon forward to now, placing the runs that come into view. */
  async advance(): Promise<void> {
    const calendar = await this.#ready();
    const window = calendar.advance(this.#now());
    if (window.toMs <= window.fromMs) return;
    for (const jobId of calendar.jobIds()) {
      const job = await this.deps.jobs.get(jobId);
      if (!job) continue;
      const reservation = reservationFor(await this.schedulable(job), window);
      calendar.addOccurrences(jobId, reservation.occurrences);
    }
  }

  async check(
    candidate: IngestionJob,
    previous?: IngestionJob,
  ): Promise<AdmissionDecision> {
    const calendar = await this.#ready();
    const request = await this.schedulable(candidate);
    const decision = decideAdmission(
      calendar,
      previous ? { ...request, jobId: previous.id } : request,
    );
    if (decision.admitted) return { admitted: true };
    const start = estimateStartTime(
      calendar,
      {
        ...request,
        durationMs: request.expectedDurationMs,
        excludeJobId: previous?.id,
      },
      this.#now(),
    );
    return {
      admitted: false,
      status: 409,
      ...describeAdmissionRefusal(
        request.tier,
        decision,
        calendar.horizonStartMs,
      ),
      ...(start !== undefined && {
        earliestStart: new Date(start).toISOString(),
      }),
    };
  }

  /** Reflects a saved job at once: its runs take their slices (or give them back when paused). */
  async jobSaved(job: IngestionJob): Promise<void> {
    const calendar = await this.#ready();
    if (job.status !== 'active') {
      calendar.remove(job.id);
      return;
    }
    const window = {
      fromMs: calendar.horizonStartMs,
      toMs: calendar.horizonEndMs,
    };
    calendar.place(job.id, reservationFor(await this.schedulable(job), window));
  }

  async jobRemoved(jobId: string): Promise<void> {
    (await this.#ready()).remove(jobId);
  }

  /** Committed against capacity for the next `hours` in one namespace, each slice with the jobs in it. */
  async heatmap(tier: NamespaceTier, hours = 24): Promise<HeatmapSlice[]> {
    const calendar = await this.#ready();
    return calendar.heatmap(tier, calendar.horizonStartMs, hours).map(cell => ({
      ...cell,
      jobs: calendar.runsInSlice(tier, cell.sliceStartMs),
    }));
  }

  /** Whether a draft job goes to production now: enough runs within its SLA, and room in its pool's namespace. */
  async decidePromotion(
    job: IngestionJob,
    consecutiveWithinSla: number,
    requiredRuns: number,
  ): Promise<PromotionDecision> {
    return decidePromotion({
      job,
      consecutiveWithinSla,
      requiredRuns,
      calendar: await this.#ready(),
      request: await this.schedulable(job),
    });
  }

  /** When a queued run of `job` could start, if it had to wait for room. */
  async estimateStart(job: IngestionJob): Promise<string | undefined> {
    const calendar = await this.#ready();
    const request = await this.schedulable(job);
    const start = estimateStartTime(
      calendar,
      {
        ...request,
        durationMs: request.expectedDurationMs,
        excludeJobId: job.id,
      },
      this.#now(),
    );
    return start === undefined ? undefined : new Date(start).toISOString();
  }
}
