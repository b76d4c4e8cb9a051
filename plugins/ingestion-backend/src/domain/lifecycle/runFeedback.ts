import { JobLifecycle } from '@internal/backstage-plugin-ingestion-common';
import { SlaOutcome } from './slaOutcome';

/** A draft run this far over its SLA earns its tenant a recommended adjustment (Requirement 5.4). */
export const DRAFT_RECOMMENDATION_OVERRUN = 0.1;
/** Any run this far over its SLA raises an alert (Requirement 11.5). */
export const ALERT_OVERRUN = 0.2;

/** What the tenant is told about one finished run; each at most once per run. */
export interface RunFeedback {
  /** Recommend the resources that would meet the SLA (draft runs more than 10% over). */
  recommend: boolean;
  /** Alert: the run failed, or took more than 20% over its SLA. */
  alert?: 'failed' | 'sla-overrun';
}

export function runFeedback(
  outcome: SlaOutcome,
  lifecycle: JobLifecycle,
): RunFeedback {
  const overrun = outcome.overrun ?? 0;
  let alert: RunFeedback['alert'];
  if (outcome.overrun === undefined && !outcome.met) alert = 'failed';
  else if (overrun > ALERT_OVERRUN) alert = 'sla-overrun';
  return {
    recommend: lifecycle === 'draft' && overrun > DRAFT_RECOMMENDATION_OVERRUN,
    ...(alert && { alert }),
  };
}
