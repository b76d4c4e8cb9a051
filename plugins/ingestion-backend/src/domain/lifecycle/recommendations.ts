import {
  IngestionJob,
  IngestionRun,
  JobRecommendation,
  JobResources,
} from '@internal/backstage-plugin-ingestion-common';
import { runEfficiency, underUse } from './efficiency';
import {
  measuredCoreThroughput,
  resourcesForDuration,
  SLA_TARGET_SHARE,
  workOf,
} from './resourceSizing';

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${Math.round(bytes)} bytes`;
}

const minutes = (ms: number) => (ms / 60_000).toFixed(1);
const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

function describeResources(r: JobResources): string {
  return `${r.executorInstances} executor(s) × ${r.executorCores} core(s) / ${r.executorMemoryGiB} GiB, driver ${r.driverCores} core(s) / ${r.driverMemoryGiB} GiB`;
}

/**
 * After a run slower than its SLA: the executors that would meet it, from the run's measured throughput
 * (resourcesForDuration, aiming at 90% of the SLA). Undefined when the run has no metrics or was within the SLA.
 */
export function meetSlaRecommendation(
  run: IngestionRun,
  job: Pick<IngestionJob, 'resources' | 'estimates'>,
): JobRecommendation | undefined {
  const m = run.metrics;
  if (!m || !run.slaOverrun || run.slaOverrun <= 0) return undefined;
  const ran = run.sizing ?? job.resources;
  const throughput = measuredCoreThroughput(m, ran);
  const slaMs = job.estimates.slaMinutes * 60_000;
  const resources = resourcesForDuration({
    resources: job.resources,
    work: workOf(m),
    throughput,
    targetDurationMs: slaMs * SLA_TARGET_SHARE,
  });
  const perCore = m.bytesIn
    ? `${formatBytes(throughput.unitsPerCoreSecond)}/s`
    : `${throughput.unitsPerCoreSecond.toFixed(1)} records/s`;
  return {
    kind: 'meet-sla',
    message:
      `Run took ${minutes(m.durationMs)} min against an SLA of ${
        job.estimates.slaMinutes
      } min ` +
      `(${percent(
        run.slaOverrun,
      )} over). At its measured ${perCore} per executor core, ` +
      `${describeResources(resources)} would finish within ${percent(
        SLA_TARGET_SHARE,
      )} of the SLA ` +
      `(now ${describeResources(job.resources)}).`,
    resources,
    runIds: [run.id],
  };
}

/** After runs that consistently used less than 60% of their allocation: a smaller request, with the numbers. */
export function underUseRecommendations(
  runsNewestFirst: readonly IngestionRun[],
  job: Pick<IngestionJob, 'resources'>,
): JobRecommendation[] {
  const measured = runsNewestFirst
    .map(run => ({ run, efficiency: runEfficiency(run) }))
    .filter(m => m.efficiency !== undefined);
  const found = underUse(
    measured.map(m => m.efficiency!),
    job.resources,
  );
  return found.map(u => ({
    kind: u.resource === 'cpu' ? 'reduce-cpu' : 'reduce-memory',
    message: `The last ${u.runs} runs used at most ${percent(
      u.highestUse,
    )} of their allocated ${
      u.resource === 'cpu' ? 'CPU' : 'memory'
    }: ${describeResources(u.resources)} would do (now ${describeResources(
      job.resources,
    )}).`,
    resources: u.resources,
    runIds: measured.slice(0, u.runs).map(m => m.run.id),
  }));
}
