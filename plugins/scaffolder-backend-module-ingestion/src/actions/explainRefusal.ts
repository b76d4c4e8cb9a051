import {
  ConflictError,
  InputError,
  NotFoundError,
  ResponseError,
} from '@backstage/errors';
import {
  AdmissionDecision,
  AlternativeWindow,
  JobValidation,
} from '@internal/backstage-plugin-ingestion-common';

function describeSchedule(schedule: AlternativeWindow['schedule']): string {
  return schedule.type === 'cron'
    ? `cron '${schedule.expression}' ${schedule.timezone}`
    : `every ${schedule.everyMinutes} minutes${
        schedule.startAt ? ` from ${schedule.startAt}` : ''
      }`;
}

function describeAlternative(window: AlternativeWindow): string {
  const shift =
    window.shiftMinutes >= 0
      ? `${window.shiftMinutes} minutes later`
      : `${-window.shiftMinutes} minutes earlier`;
  return `first run at ${window.firstStart} (${shift}: ${describeSchedule(
    window.schedule,
  )})`;
}

/** Why the service would not admit a job, with the windows that would fit when the scheduler offers them. */
export function describeAdmissionRefusal(
  refusal: Extract<AdmissionDecision, { admitted: false }>,
): string {
  const what =
    refusal.status === 402
      ? 'The tenant lacks purchased capacity for this job'
      : 'The platform has no room for this schedule';
  const alternatives = refusal.alternatives?.length
    ? ` Schedules that would fit: ${refusal.alternatives
        .map(describeAlternative)
        .join('; ')}.`
    : '';
  const earliest = refusal.earliestStart
    ? ` The earliest possible start is ${refusal.earliestStart}.`
    : '';
  return `${what}: ${refusal.reason}.${alternatives}${earliest}`;
}

/**
 * The error that fails a step whose job did not pass validation: an `InputError` naming each bad field, or a
 * `ConflictError` explaining the admission refusal and the alternative windows.
 */
export function validationFailure(validation: JobValidation): Error {
  if (validation.problems.length > 0) {
    return new InputError(
      `The ingestion job is not valid: ${validation.problems
        .map(problem => `${problem.field || '(job)'} ${problem.message}`)
        .join('; ')}`,
    );
  }
  if (validation.admission && !validation.admission.admitted) {
    return new ConflictError(
      `The ingestion job would not be admitted. ${describeAdmissionRefusal(
        validation.admission,
      )}`,
    );
  }
  return new InputError('The ingestion job is not valid');
}

/**
 * Turns the service's refusal of a request into an error of the same kind whose message is the service's own
 * explanation (which names the bad fields), instead of a bare "Request failed with 409 Conflict".
 *
 * @param error - what the ingestion client threw
 * @param what - the request, as the start of a sentence: "Creating the ingestion job"
 */
export function serviceFailure(error: unknown, what: string): unknown {
  if (!(error instanceof ResponseError)) return error;
  const reason = error.body?.error?.message || error.message;
  switch (error.statusCode) {
    case 400:
      return new InputError(`${what} failed, the job is not valid: ${reason}`);
    case 402:
      return new ConflictError(
        `${what} failed, the tenant lacks purchased capacity: ${reason}`,
      );
    case 404:
      return new NotFoundError(`${what} failed: ${reason}`);
    case 409:
      return new ConflictError(
        `${what} failed, the job was not admitted: ${reason}`,
      );
    default:
      return new Error(`${what} failed (${error.statusCode}): ${reason}`, {
        cause: error,
      });
  }
}
