import { NotAllowedError } from '@backstage/errors';
import {
  EstimateRequest,
  IngestionJob,
  IngestionRun,
  ResourceEstimate,
  RunReplayEstimate,
  SparkUnitSize,
} from '@internal/backstage-plugin-ingestion-common';
import { JobStore } from '../database/JobStore';
import { RunStore } from '../database/RunStore';
import { RunObservation } from '../domain/estimator/durationModel';
import { runObservations } from '../domain/estimator/runObservations';
import {
  EstimatorHistory,
  estimateResources,
} from '../domain/estimator/estimateResources';
import { estimateRequestForJob } from '../domain/estimator/estimateRequestForJob';
import { sizeFromTimeline } from '../domain/estimator/sizeFromTimeline';
import { parseEventLog } from '../domain/estimator/taskTimeline';
import { expandSchedule } from '../domain/scheduling/scheduleExpansion';
import { EstimatorConfig } from '../estimatorConfig';
import { ResolvedCaller } from '../tenancy/CallerResolver';

/** How many of a job's most recent runs the estimator learns from. */
const RUNS_PER_JOB = 50;
/** How many jobs are scanned for similar ones. */
const JOBS_SCANNED = 1000;
const MONTH_MS = 30 * 24 * 60 * 60 * 1000;
/** How many of the latest succeeded runs are asked for an event log before giving up on a replay. */
const RUNS_LOOKED_AT_FOR_AN_EVENT_LOG = 3;

/**
 * The estimator at the edge: gathers run history from the stores and asks the pure estimator. Nothing is cached,
 * so a job's estimate reflects every run that has finished by the time it is asked for.
 *
 * Similar jobs are looked for across all tenants (throughput is a property of the source, target and format, not
 * of who owns the job); the answer names only how many runs and jobs it used, never which.
 */
export class EstimateService {
  constructor(
    private readonly deps: {
      jobs: JobStore;
      runs: RunStore;
      getJob: (caller: ResolvedCaller, id: string) => Promise<IngestionJob>;
      sparkUnitSize: SparkUnitSize;
      estimator: EstimatorConfig;
      /** The event log a finished run left, when the executor keeps them. */
      readEventLog?: (runId: string) => Promise<string | undefined>;
      now: () => number;
    },
  ) {}

  /** An estimate for a job not yet created (or a what-if): similar jobs' history only. */
  async estimate(
    caller: ResolvedCaller,
    request: EstimateRequest,
  ): Promise<ResourceEstimate> {
    if (!caller.platformAdmin && caller.tenants.length === 0) {
      throw new NotAllowedError(
        'Only members of a tenant may ask for estimates',
      );
    }
    return this.compute(request, {
      jobRuns: [],
      ...(await this.similarHistory(request)),
    });
  }

  /** The estimate for one of the caller's jobs, from its own runs once it has enough. */
  async estimateForJob(
    caller: ResolvedCaller,
    jobId: string,
  ): Promise<ResourceEstimate> {
    const job = await this.deps.getJob(caller, jobId);
    const request = estimateRequestForJob(job);
    const own = await this.deps.runs.listByJob(job.id, {
      limit: RUNS_PER_JOB,
      offset: 0,
    });
    const estimate = this.compute(request, {
      jobRuns: runObservations(own.items),
      ...(await this.similarHistory(request, job.id)),
    });
    const lastRunReplay = await this.replayLatestRun(job, own.items);
    return lastRunReplay ? { ...estimate, lastRunReplay } : estimate;
  }

  /**
   * The job's latest succeeded run that left an event log, replayed at each size (Sparklens-style): what the
   * run's own task timeline says about other sizes, beyond what throughput alone can.
   */
  private async replayLatestRun(
    job: IngestionJob,
    runsNewestFirst: readonly IngestionRun[],
  ): Promise<RunReplayEstimate | undefined> {
    const { readEventLog } = this.deps;
    if (!readEventLog) return undefined;
    const candidates = runsNewestFirst
      .filter(run => run.state === 'succeeded')
      .slice(0, RUNS_LOOKED_AT_FOR_AN_EVENT_LOG);
    for (const run of candidates) {
      const eventLog = await readEventLog(run.id);
      if (!eventLog) continue;
      const timeline = parseEventLog(eventLog);
      if (timeline.jobGroups.length === 0) continue;
      const slaMinutes = job.estimates.slaMinutes;
      return {
        runId: run.id,
        slaMinutes,
        ...sizeFromTimeline({
          timeline,
          slaMinutes,
          sparkUnitSize: this.deps.sparkUnitSize,
          prices: this.deps.estimator.prices,
          runsPerMonth: this.runsPerMonth(estimateRequestForJob(job)),
        }),
      };
    }
    return undefined;
  }

  private runsPerMonth(request: EstimateRequest): number | undefined {
    const now = this.deps.now();
    return request.schedule
      ? expandSchedule(request.schedule, now, now + MONTH_MS).length
      : undefined;
  }

  private compute(request: EstimateRequest, history: EstimatorHistory) {
    const runsPerMonth = this.runsPerMonth(request);
    return estimateResources(
      request,
      history,
      {
        sparkUnitSize: this.deps.sparkUnitSize,
        prices: this.deps.estimator.prices,
        confidence: this.deps.estimator.confidence,
      },
      runsPerMonth,
    );
  }

  private async similarHistory(
    request: EstimateRequest,
    excludeJobId?: string,
  ): Promise<Omit<EstimatorHistory, 'jobRuns'>> {
    const { items } = await this.deps.jobs.list(
      {},
      { limit: JOBS_SCANNED, offset: 0 },
    );
    const similar = items.filter(job => {
      if (job.id === excludeJobId) return false;
      const other = estimateRequestForJob(job);
      return (
        other.sourceType === request.sourceType &&
        other.targetType === request.targetType &&
        other.format === request.format
      );
    });
    const similarRuns: RunObservation[] = [];
    let similarJobs = 0;
    for (const job of similar) {
      const { items: runs } = await this.deps.runs.listByJob(job.id, {
        limit: RUNS_PER_JOB,
        offset: 0,
      });
      const usable = runObservations(runs);
      if (usable.length > 0) similarJobs++;
      similarRuns.push(...usable);
    }
    return { similarRuns, similarJobs };
  }
}
