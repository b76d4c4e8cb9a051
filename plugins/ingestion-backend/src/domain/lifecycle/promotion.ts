import {
  CapacityPool,
  JobLifecycle,
  NamespaceTier,
} from '@internal/backstage-plugin-ingestion-common';
import { decideAdmission } from '../scheduling/admission';
import { describeAdmissionRefusal } from '../scheduling/admissionRefusal';
import { SchedulableJob } from '../scheduling/reservation';
import { SliceCalendar } from '../scheduling/sliceCalendar';

/** How many consecutive runs within the SLA promote a draft job when `ingestion.profiling.runs` is not set. */
export const DEFAULT_PROFILING_RUNS = 3;

export type PromotionDecision =
  /** Not a draft, or not enough consecutive runs within the SLA yet. */
  | { action: 'wait'; remainingRuns: number }
  | { action: 'promote'; tier: NamespaceTier }
  | { action: 'refuse'; tier: NamespaceTier; reason: string };

/**
 * Whether a draft job moves to production (Requirement 5.5, 6.4): after `requiredRuns` consecutive runs within
 * its SLA, into the namespace of the pool its tenant bought, but only when that namespace's slice calendar admits
 * every slice of its schedule (Requirement 6.5); otherwise it stays in draft with the calendar's reason.
 * `request` is the job as the calendar sees it, its tier aside (the target tier is set here).
 */
export function decidePromotion(input: {
  job: { lifecycle: JobLifecycle; pool: CapacityPool };
  consecutiveWithinSla: number;
  requiredRuns: number;
  calendar: SliceCalendar;
  request: SchedulableJob;
}): PromotionDecision {
  const { job, consecutiveWithinSla, requiredRuns } = input;
  if (job.lifecycle !== 'draft') return { action: 'wait', remainingRuns: 0 };
  if (consecutiveWithinSla < requiredRuns) {
    return {
      action: 'wait',
      remainingRuns: requiredRuns - consecutiveWithinSla,
    };
  }
  const tier: NamespaceTier = job.pool;
  const decision = decideAdmission(input.calendar, {
    ...input.request,
    tier,
  });
  if (decision.admitted) return { action: 'promote', tier };
  const { reason } = describeAdmissionRefusal(
    tier,
    decision,
    input.calendar.horizonStartMs,
  );
  return { action: 'refuse', tier, reason };
}
