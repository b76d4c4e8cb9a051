import {
  IngestionJob,
  IngestionRun,
  JobRecommendation,
  JobResources,
} from '@internal/backstage-plugin-ingestion-common';
import { runEfficiency, underUse } from './efficiency';
import { fitDurationModel } from '../estimator/durationModel';
import { executorsForDeadline } from '../estimator/executorsForDeadline';
import { isMeasuredRun, runObservations } from '../estimator/runObservations';

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
 * After a run slower than its SLA: the fewest executors that meet it, by the estimator's one sizing rule
 * (`executorsForDeadline`: the upper end of the predicted duration within the SLA), from a duration model fitted to
 * the job's measured runs. When no executor count can (start-up alone is too long), it says so and keeps the
 * resources. Undefined when the run has no metrics or was within the SLA.
 */
export function meetSlaRecommendation(
  run: IngestionRun,
  job: Pick<IngestionJob, 'resources' | 'estimates'>,
  history: { recentRuns: readonly IngestionRun[]; confidence: number },
): JobRecommendation | undefined {
  const m = run.metrics;
  if (!m || !run.slaOverrun || run.slaOverrun <= 0) return undefined;
  const runs = history.recentRuns.some(other => other.id === run.id)
    ? history.recentRuns
    : [run, ...history.recentRuns];
  const measured = runs.filter(isMeasuredRun);
  const observed = runObservations(measured);
  const model = fitDurationModel(observed);
  const sized = executorsForDeadline({
    model,
    bytesIn: m.bytesIn,
    resources: job.resources,
    deadlineSeconds: job.estimates.slaMinutes * 60,
    confidence: history.confidence,
  });
  const p = sized.prediction;
  const predicted = `${minutes(p.seconds * 1000)} min (${percent(
    p.confidence,
  )} interval ${minutes(p.lowSeconds * 1000)}–${minutes(
    p.highSeconds * 1000,
  )} min)`;
  const took = `Run took ${minutes(m.durationMs)} min against an SLA of ${
    job.estimates.slaMinutes
  } min (${percent(run.slaOverrun)} over). From ${
    observed.length
  } measured run(s) of this job (start-up ${Math.round(
    model.startupSeconds,
  )} s, ${formatBytes(model.bytesPerCoreSecond)}/s per core), `;
  const message = sized.meetsDeadline
    ? `${took}${describeResources(sized.resources)} would take ${predicted}, ` +
      `within the SLA (now ${describeResources(job.resources)}).`
    : `${took}even ${describeResources(
        sized.resources,
      )} would take ${predicted}, ` +
      `over the SLA: more executors cannot meet it. Raise the SLA or split the data.`;
  return {
    kind: 'meet-sla',
    message,
    resources: sized.meetsDeadline ? sized.resources : job.resources,
    runIds: measured.map(r => r.id),
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
