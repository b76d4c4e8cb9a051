import { IngestionJob } from '@internal/backstage-plugin-ingestion-common';

/** A window in which a refused schedule would fit, computed by the scheduler. */
export interface AlternativeWindow {
  shiftMinutes: number;
  firstStart: string;
  schedule: IngestionJob['schedule'];
}

export type AdmissionDecision =
  | { admitted: true }
  | {
      admitted: false;
      /** 402 when buying capacity fixes it, 409 when the platform has no room. */
      status: 402 | 409;
      reason: string;
      alternatives?: AlternativeWindow[];
      /** When the job could start, if it waits. */
      earliestStart?: string;
    };

/**
 * One check a job must pass before it is stored or its schedule changes. The checks run in order and the first
 * refusal wins: purchased capacity first (cheap, and the tenant can act on it), then the slice calendar.
 */
export interface JobAdmissionCheck {
  readonly name: string;
  check(
    candidate: IngestionJob,
    previous?: IngestionJob,
  ): Promise<AdmissionDecision>;
}

export async function runAdmissionChecks(
  checks: JobAdmissionCheck[],
  candidate: IngestionJob,
  previous?: IngestionJob,
): Promise<AdmissionDecision> {
  for (const check of checks) {
    const decision = await check.check(candidate, previous);
    if (!decision.admitted) return decision;
  }
  return { admitted: true };
}
