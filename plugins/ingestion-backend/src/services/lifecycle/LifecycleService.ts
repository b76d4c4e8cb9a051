import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { EventsService } from '@backstage/plugin-events-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  IngestionJob,
  IngestionJobSpec,
  IngestionRun,
  JobHealth,
  JobLifecycleEvent,
} from '@internal/backstage-plugin-ingestion-common';
import { INGESTION_JOB_EVENTS_TOPIC } from '@internal/backstage-plugin-ingestion-node';
import { JobStore } from '../../database/JobStore';
import { LifecycleStore } from '../../database/LifecycleStore';
import { RunStore } from '../../database/RunStore';
import { consecutiveWithinSla } from '../../domain/lifecycle/consecutiveWithinSla';
import {
  meetSlaRecommendation,
  underUseRecommendations,
} from '../../domain/lifecycle/recommendations';
import {
  DRAFT_RECOMMENDATION_OVERRUN,
  runFeedback,
} from '../../domain/lifecycle/runFeedback';
import { slaOutcome } from '../../domain/lifecycle/slaOutcome';
import { AdmissionQueue } from '../admission/AdmissionQueue';
import { jobLink } from './jobLink';
import { PromotionCalendar } from './PromotionCalendar';
import { RunFinishedListener } from './RunFinishedListener';
import { JobLifecycleSteps } from './JobLifecycleSteps';

/** Who takes the automatic lifecycle steps, in the timeline and audit columns. */
export const LIFECYCLE_ACTOR = 'lifecycle';
const PROFILED_RUNS_LOOKED_AT = 100;
/** How the reason of a draft that earned production but found no room begins. */
const NOT_PROMOTED = 'Not promoted to';

/**
 * Draft profiling and promotion (Requirement 5, 6.4) and run feedback (11.5): after each finished run, its SLA
 * outcome is stored on it once; the tenant is told of a slow draft run with the resources that would meet the SLA,
 * and of a failed run or one more than 20% over its SLA (each once per run); a draft job with N consecutive runs
 * within its SLA is promoted to its pool's namespace when that namespace's calendar admits its schedule, and
 * otherwise stays in draft with the reason, retried when capacity changes.
 */
export class LifecycleService
  implements RunFinishedListener, JobLifecycleSteps
{
  constructor(
    private readonly deps: {
      /** How many consecutive runs within the SLA promote a draft (`ingestion.profiling.runs`). */
      profilingRuns: number;
      /** Of the predicted duration whose upper end a recommended size must keep within the SLA (the estimator's). */
      sizingConfidence: number;
      jobs: JobStore;
      runs: RunStore;
      lifecycle: LifecycleStore;
      calendar: PromotionCalendar;
      admissions: AdmissionQueue;
      notifications: Pick<NotificationService, 'send'>;
      events: Pick<EventsService, 'publish'>;
      logger: LoggerService;
      now?: () => number;
    },
  ) {}

  #now() {
    return (this.deps.now ?? Date.now)();
  }

  async runFinished(runId: string): Promise<void> {
    const run = await this.deps.runs.get(runId);
    if (!run || run.slaMet !== undefined) return;
    await this.#followUp(run);
  }

  async catchUp(): Promise<void> {
    for (const run of await this.deps.runs.listUnjudged()) {
      await this.#followUp(run);
    }
  }

  async #followUp(run: IngestionRun) {
    const job = await this.deps.jobs.get(run.jobId);
    if (!job) return; // deleted: no SLA to judge against; its metering is the dispatcher's
    const outcome = slaOutcome(run, job.estimates.slaMinutes);
    if (!outcome) return;
    if (!(await this.deps.runs.recordSlaOutcome(run.id, outcome))) return;
    const judged: IngestionRun = {
      ...run,
      slaMet: outcome.met,
      ...(outcome.overrun !== undefined && { slaOverrun: outcome.overrun }),
    };
    const feedback = runFeedback(
      outcome,
      run.tier === 'draft' ? 'draft' : 'production',
    );
    if (feedback.recommend) await this.#recommend(job, judged);
    if (feedback.alert) await this.#alert(job, judged, feedback.alert);
    if (run.tier === 'draft' && job.lifecycle === 'draft') {
      await this.#considerPromotion(job.id);
    }
  }

  async #recommend(job: IngestionJob, run: IngestionRun) {
    const { items: recentRuns } = await this.deps.runs.listByJob(job.id, {
      limit: PROFILED_RUNS_LOOKED_AT,
      offset: 0,
    });
    const recommendation = meetSlaRecommendation(run, job, {
      recentRuns,
      confidence: this.deps.sizingConfidence,
    });
    if (!recommendation) return;
    if (
      !(await this.deps.lifecycle.claimNotice(
        run.id,
        'recommendation',
        this.#now(),
      ))
    )
      return;
    await this.deps.notifications.send({
      recipients: { type: 'entity', entityRef: job.tenant },
      payload: {
        title: `${job.name}: draft run over its SLA, recommended resources`,
        description: recommendation.message,
        link: jobLink(job),
        severity: 'normal',
        topic: 'ingestion-job-recommendation',
      },
    });
  }

  async #alert(
    job: IngestionJob,
    run: IngestionRun,
    kind: 'failed' | 'sla-overrun',
  ) {
    if (!(await this.deps.lifecycle.claimNotice(run.id, kind, this.#now())))
      return;
    const payload =
      kind === 'failed'
        ? {
            title: `${job.name}: run failed`,
            description: `Run ${run.id} failed: ${
              run.message ?? 'no reason given by the engine'
            }`,
            severity: 'high' as const,
          }
        : {
            title: `${job.name}: run ${Math.round(
              (run.slaOverrun ?? 0) * 100,
            )}% over its SLA`,
            description: `Run ${run.id} took ${(
              (Date.parse(run.finishedAt!) - Date.parse(run.startedAt!)) /
              60_000
            ).toFixed(1)} min against an SLA of ${
              job.estimates.slaMinutes
            } min.`,
            severity: 'high' as const,
          };
    await this.deps.notifications.send({
      recipients: { type: 'entity', entityRef: job.tenant },
      payload: { ...payload, link: jobLink(job), topic: 'ingestion-job-alert' },
    });
  }

  /** When the job entered draft last: created, or sent back. Only runs since then count towards promotion. */
  async #draftSince(job: IngestionJob): Promise<string> {
    const events = await this.deps.lifecycle.events(job.id);
    const sentBack = events.filter(e => e.kind === 'sent-back').at(-1);
    return sentBack?.at ?? job.createdAt;
  }

  /** Consecutive draft runs within the SLA since the job (last) entered draft. */
  async consecutiveDraftRunsWithinSla(job: IngestionJob): Promise<number> {
    const since = await this.#draftSince(job);
    const { items } = await this.deps.runs.listByJob(job.id, {
      limit: PROFILED_RUNS_LOOKED_AT,
      offset: 0,
    });
    return consecutiveWithinSla(
      items
        .filter(run => run.tier === 'draft' && run.queuedAt >= since)
        .map(run => run.slaMet),
    );
  }

  async #considerPromotion(jobId: string, force?: { by: string }) {
    return this.deps.admissions.run(async () => {
      const job = await this.deps.jobs.get(jobId);
      if (!job || job.lifecycle !== 'draft') return job;
      const required = this.deps.profilingRuns;
      const consecutive = force
        ? required
        : await this.consecutiveDraftRunsWithinSla(job);
      const decision = await this.deps.calendar.decidePromotion(
        job,
        consecutive,
        required,
      );
      if (decision.action === 'wait') return job;
      const by = force?.by ?? LIFECYCLE_ACTOR;
      if (decision.action === 'refuse') {
        const reason = `${NOT_PROMOTED} ${decision.tier}: ${decision.reason}`;
        if (force) throw new ConflictError(reason);
        if (job.lifecycleReason?.startsWith(NOT_PROMOTED)) {
          // Already on the timeline and told; only the details (the slice in the way) move on.
          return this.deps.jobs.update(
            job.id,
            { lifecycleReason: reason },
            LIFECYCLE_ACTOR,
            this.#now(),
          );
        }
        const kept = await this.#step(job, {
          kind: 'promotion-refused',
          lifecycle: 'draft',
          tier: 'draft',
          by,
          reason,
        });
        await this.deps.notifications.send({
          recipients: { type: 'entity', entityRef: job.tenant },
          payload: {
            title: `${job.name}: ready for production, but no room yet`,
            description: `${reason} It stays in draft and is promoted as soon as capacity allows.`,
            link: jobLink(job),
            severity: 'normal',
            topic: 'ingestion-job-lifecycle',
          },
        });
        return kept;
      }
      const reason = force
        ? `Promoted to ${decision.tier} by ${by}`
        : `Promoted to ${decision.tier} after ${consecutive} consecutive draft runs within the SLA`;
      const promoted = await this.#step(job, {
        kind: 'promoted',
        lifecycle: 'production',
        tier: decision.tier,
        by,
        reason,
      });
      await this.deps.notifications.send({
        recipients: { type: 'entity', entityRef: job.tenant },
        payload: {
          title: `${job.name}: promoted to production`,
          description: `${reason}; its next runs go to the ${decision.tier} namespace.`,
          link: jobLink(job),
          severity: 'low',
          topic: 'ingestion-job-lifecycle',
        },
      });
      this.deps.logger.info(
        `Job ${job.id} (${job.tenant}/${job.name}): ${reason}`,
      );
      return promoted;
    });
  }

  /** Records one lifecycle step: the job's stage and reason, its timeline, its calendar place and its entity. */
  async #step(
    job: IngestionJob,
    step: Omit<JobLifecycleEvent, 'at'>,
    change?: { spec?: IngestionJobSpec },
  ): Promise<IngestionJob> {
    const updated = await this.deps.lifecycle.recordStep(
      job.id,
      { ...step, at: new Date(this.#now()).toISOString() },
      change,
    );
    await this.deps.calendar.jobSaved(updated);
    try {
      await this.deps.events.publish({
        topic: INGESTION_JOB_EVENTS_TOPIC,
        eventPayload: { action: 'upserted', job: updated },
      });
    } catch (error) {
      // The catalog provider also re-reads all jobs periodically, so a lost event only delays the entity.
      this.deps.logger.warn(`Could not publish job event: ${error}`);
    }
    return updated;
  }

  /** Tries again to promote the draft jobs that earned it, e.g. after capacity changed. */
  async retryPromotions(): Promise<void> {
    const { items } = await this.deps.jobs.list(
      { lifecycle: 'draft', status: 'active' },
      { limit: 500, offset: 0 },
    );
    for (const job of items) {
      if (job.lifecycleReason?.startsWith(NOT_PROMOTED)) {
        await this.#considerPromotion(job.id);
      }
    }
  }

  /** A platform admin's promotion by hand: no profiling needed, but the namespace must admit the schedule (409). */
  async promote(jobId: string, by: string): Promise<IngestionJob> {
    const job = await this.#considerPromotion(jobId, { by });
    return job!;
  }

  /**
   * A return to draft (by a platform admin, or because the job's source, target or resources changed, given as
   * `change.spec` and saved with the move): profiling starts over. The caller has admitted the job into the draft
   * namespace, in the admission queue.
   */
  async sendBack(
    job: IngestionJob,
    by: string,
    reason: string,
    change?: { spec?: IngestionJobSpec },
  ): Promise<IngestionJob> {
    return this.#step(
      job,
      {
        kind: 'sent-back',
        lifecycle: 'draft',
        tier: 'draft',
        by,
        reason,
      },
      change,
    );
  }

  /** The job's timeline, profiling progress, SLA compliance and current recommendations. */
  async health(job: IngestionJob): Promise<JobHealth> {
    const { items: runs } = await this.deps.runs.listByJob(job.id, {
      limit: PROFILED_RUNS_LOOKED_AT,
      offset: 0,
    });
    const judged = runs.filter(run => run.slaMet !== undefined);
    const met = judged.filter(run => run.slaMet).length;
    const latestJudged = judged[0];
    const lastFinished = runs.find(
      (
        run,
      ): run is IngestionRun & {
        state: 'succeeded' | 'failed' | 'cancelled';
      } =>
        run.state === 'succeeded' ||
        run.state === 'failed' ||
        run.state === 'cancelled',
    );
    const slow =
      latestJudged &&
      (latestJudged.slaOverrun ?? 0) > DRAFT_RECOMMENDATION_OVERRUN
        ? meetSlaRecommendation(latestJudged, job, {
            recentRuns: runs,
            confidence: this.deps.sizingConfidence,
          })
        : undefined;
    return {
      jobId: job.id,
      lifecycle: job.lifecycle,
      tier: job.tier,
      ...(job.lifecycleReason && { lifecycleReason: job.lifecycleReason }),
      profiling: {
        requiredRuns: this.deps.profilingRuns,
        consecutiveWithinSla: await this.consecutiveDraftRunsWithinSla(job),
      },
      timeline: [
        {
          at: job.createdAt,
          kind: 'created',
          lifecycle: 'draft',
          tier: 'draft',
          by: job.createdBy,
          reason: `Created in draft: its first ${this.deps.profilingRuns} runs profile it`,
        },
        ...(await this.deps.lifecycle.events(job.id)),
      ],
      sla: {
        judgedRuns: judged.length,
        metRuns: met,
        ...(judged.length > 0 && { complianceRate: met / judged.length }),
      },
      recommendations: [
        ...(slow ? [slow] : []),
        ...underUseRecommendations(
          runs.filter(run => run.state === 'succeeded'),
          job,
        ),
      ],
      ...(lastFinished && {
        lastFinishedRun: {
          id: lastFinished.id,
          state: lastFinished.state,
          ...(lastFinished.finishedAt && {
            finishedAt: lastFinished.finishedAt,
          }),
          ...(lastFinished.message && { message: lastFinished.message }),
        },
      }),
    };
  }
}
