import { RunObservation } from '@internal/backstage-plugin-ingestion-node';
import { parseApplicationResult, toRunMetrics } from './applicationResult';
import { driverFailureReason } from './driverFailureReason';

/**
 * A finished run's observation completed with what its driver container left in its termination message:
 * - the application's result.json (written there by image/kubernetes_main.py): on success the metrics and the
 *   new watermark, on failure the application's own error, which names the field or the system at fault;
 * - otherwise, for a failure, the tail of the driver's log (FallbackToLogsOnError) after spark-operator's message.
 */
export function withDriverOutcome(
  observation: RunObservation,
  terminationMessage: string | undefined,
): RunObservation {
  if (observation.state !== 'succeeded' && observation.state !== 'failed') {
    return observation;
  }
  const result = parseApplicationResult(terminationMessage);
  if (result) {
    const completed: RunObservation = {
      ...observation,
      metrics: toRunMetrics(result),
    };
    if (observation.state === 'succeeded') {
      completed.watermark = result.watermark ?? null;
      if (result.outputPath) completed.outputPath = result.outputPath;
    } else if (result.error) {
      completed.message = result.error;
    }
    return completed;
  }
  if (observation.state === 'failed') {
    const reason = driverFailureReason(terminationMessage);
    if (reason && !observation.message?.includes(reason)) {
      return { ...observation, message: `${observation.message}: ${reason}` };
    }
  }
  return observation;
}
