import {
  AdmissionDecision,
  IngestionJob,
} from '@internal/backstage-plugin-ingestion-common';

export type {
  AdmissionDecision,
  AlternativeWindow,
} from '@internal/backstage-plugin-ingestion-common';

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
