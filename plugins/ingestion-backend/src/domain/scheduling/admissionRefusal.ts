import {
  AlternativeWindow,
  JobSchedule,
  NamespaceTier,
} from '@internal/backstage-plugin-ingestion-common';
import { AdmissionDecision } from './admission';

/** A refused admission in the API's words: why, and the shifted schedules that would fit. */
export interface AdmissionRefusal {
  reason: string;
  alternatives: AlternativeWindow[];
}

/** Explains a refusal of `decideAdmission`: the worst slice, what is free there and what the runs need. */
export function describeAdmissionRefusal(
  tier: NamespaceTier,
  decision: Extract<AdmissionDecision, { admitted: false }>,
  horizonStartMs: number,
): AdmissionRefusal {
  const worst = decision.conflicts[0];
  const when = (ms: number) => new Date(ms).toISOString();
  const alternatives = decision.alternatives.map(a => ({
    shiftMinutes: a.shiftMinutes,
    firstStart: when(a.firstStartMs ?? horizonStartMs),
    schedule: a.schedule,
  }));
  const offer = alternatives.length
    ? ` It would fit shifted by ${alternatives
        .map(
          a =>
            `${a.shiftMinutes > 0 ? '+' : ''}${a.shiftMinutes} min (${describe(
              a.schedule,
            )})`,
        )
        .join(', or ')}.`
    : ' No shift within 24 hours fits.';
  const where =
    worst.scope === 'tenant' ? "the tenant's dedicated units" : 'the namespace';
  return {
    reason: [
      `The ${tier} namespace has no room for this schedule in ${decision.conflictCount} slice(s):`,
      `at ${when(worst.sliceStartMs)} ${where} have ${
        worst.free.cores
      } cores / ${worst.free.memoryMiB} MiB free`,
      `and its runs need ${worst.needed.cores} cores / ${worst.needed.memoryMiB} MiB.${offer}`,
    ].join(' '),
    alternatives,
  };
}

function describe(schedule: JobSchedule): string {
  return schedule.type === 'cron'
    ? `cron '${schedule.expression}' ${schedule.timezone}`
    : `every ${schedule.everyMinutes} min from ${
        schedule.startAt ?? 'the epoch'
      }`;
}
