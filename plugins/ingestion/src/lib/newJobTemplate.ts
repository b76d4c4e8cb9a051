import {
  JobSchedule,
  ResourceEstimate,
} from '@internal/backstage-plugin-ingestion-common';

/** The scaffolder template "New ingestion job". */
export const NEW_JOB_TEMPLATE_PATH =
  '/create/templates/default/new-ingestion-job';

/**
 * The template with its form filled from an estimate: source and target types, volume, the SLA asked for, the
 * expected duration at the recommended size, and that size. The scaffolder reads a `formData` query parameter
 * (JSON) as the form's initial values; the user still reviews every field before creating the job.
 */
export function newJobLinkFromEstimate(estimate: ResourceEstimate): string {
  const { request, recommendation, duration } = estimate;
  const slaMinutes = Math.ceil(request.desiredCompletionMinutes);
  const formData = {
    source: { type: request.sourceType },
    target: { type: request.targetType },
    ...(request.schedule && { schedule: templateSchedule(request.schedule) }),
    estimates: {
      dataVolumeGiB: request.dataVolumeGiB,
      expectedDurationMinutes: Math.min(
        slaMinutes,
        Math.max(1, Math.ceil(duration.expectedMinutes)),
      ),
      slaMinutes,
    },
    resources: recommendation.resources,
  };
  return `${NEW_JOB_TEMPLATE_PATH}?formData=${encodeURIComponent(
    JSON.stringify(formData),
  )}`;
}

/** The schedule in the template's fields only (it has no start time for intervals). */
function templateSchedule(schedule: JobSchedule) {
  return schedule.type === 'cron'
    ? {
        type: schedule.type,
        expression: schedule.expression,
        timezone: schedule.timezone,
      }
    : { type: schedule.type, everyMinutes: schedule.everyMinutes };
}
