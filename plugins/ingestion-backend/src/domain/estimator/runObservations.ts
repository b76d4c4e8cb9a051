import { IngestionRun } from '@internal/backstage-plugin-ingestion-common';
import { RunObservation } from './durationModel';

/** A run the estimator can learn from: succeeded, with measured metrics. */
export function isMeasuredRun(
  run: IngestionRun,
): run is IngestionRun & { metrics: NonNullable<IngestionRun['metrics']> } {
  return (
    run.state === 'succeeded' &&
    run.metrics !== undefined &&
    run.metrics.durationMs > 0
  );
}

/** Measured runs as the estimator sees them: bytes read, allocated cores, duration. */
export function runObservations(
  runs: readonly IngestionRun[],
): RunObservation[] {
  return runs.filter(isMeasuredRun).map(run => ({
    bytesIn: run.metrics.bytesIn,
    cores: run.allocatedCores,
    durationSeconds: run.metrics.durationMs / 1000,
  }));
}
