import { InputError } from '@backstage/errors';
import { JobSchedule } from '@internal/backstage-plugin-ingestion-common';
import { SchedulableJob, reservationFor } from './reservation';
import { expandSchedule, validateSchedule } from './scheduleExpansion';
import { shiftSchedule } from './scheduleShift';
import { toMilliCores } from './resources';
import {
  Occurrence,
  Reservation,
  SliceCalendar,
  SliceShortfall,
} from './sliceCalendar';
import {
  MINUTES_PER_DAY,
  MS_PER_MINUTE,
  endSliceOfRun,
  firstSliceOfRun,
  sliceIndexAt,
} from './slices';

export interface AdmissionOptions {
  /** How many alternatives to offer at most (default 3). */
  maxAlternatives?: number;
  /** How far alternatives may shift the schedule, either way (default 1440 minutes: ±24 h). */
  maxShiftMinutes?: number;
  /** How many conflicts to list at most (default 20); `conflictCount` has them all. */
  maxConflicts?: number;
}

/** The same schedule moved by `shiftMinutes`, which fits. */
export interface ScheduleAlternative {
  /** A multiple of the slice length; positive is later. */
  shiftMinutes: number;
  /** Its first run at or after the horizon start, if any. */
  firstStartMs: number | undefined;
  /** The schedule to submit: an equivalent shifted cron expression, or the interval with a shifted startAt. */
  schedule: JobSchedule;
}

export type AdmissionDecision =
  | { admitted: true; reservation: Reservation }
  | {
      admitted: false;
      conflicts: SliceShortfall[];
      conflictCount: number;
      alternatives: ScheduleAlternative[];
    };

/**
 * Whether a new or changed job's schedule fits (Requirement 7.3, 7.4): every slice its runs touch within the
 * calendar's horizon must have room for them in its tier, and a dedicated job in its tenant's dedicated units
 * (see SliceCalendar.findShortfalls). A changed job is checked without its own current reservation.
 *
 * Admitted: the reservation to place. Refused: the conflicts, and alternatives that were computed, not guessed: the
 * schedule shifted by whole slices, nearest first (later before earlier at equal distance), within ±24 h, each of
 * which passes this same check when submitted.
 *
 * The check covers the horizon: a schedule whose runs are further apart than the horizon is long (a monthly job in
 * a 7-day horizon) is checked only on the runs the horizon holds. Choose `horizonDays` accordingly.
 */
export function decideAdmission(
  calendar: SliceCalendar,
  request: SchedulableJob,
  options: AdmissionOptions = {},
): AdmissionDecision {
  const maxConflicts = options.maxConflicts ?? 20;
  const check = checkSchedule(calendar, request);
  if (check.shortfalls.length === 0) {
    return { admitted: true, reservation: check.reservation };
  }
  return {
    admitted: false,
    conflicts: check.shortfalls.slice(0, maxConflicts),
    conflictCount: check.shortfalls.length,
    alternatives: findAlternatives(calendar, request, options),
  };
}

function checkSchedule(
  calendar: SliceCalendar,
  request: SchedulableJob,
  limit = Infinity,
): { reservation: Reservation; shortfalls: SliceShortfall[] } {
  if (typeof request.jobId !== 'string' || request.jobId === '') {
    throw new InputError('jobId: must be a non-empty string');
  }
  validateSchedule(request.schedule);
  const reservation = reservationFor(request, {
    fromMs: calendar.horizonStartMs,
    toMs: calendar.horizonEndMs,
  });
  const shortfalls = calendar.findShortfalls(reservation, {
    excludeJobId: request.jobId,
    limit,
  });
  return { reservation, shortfalls };
}

function findAlternatives(
  calendar: SliceCalendar,
  request: SchedulableJob,
  options: AdmissionOptions,
): ScheduleAlternative[] {
  const maxAlternatives = options.maxAlternatives ?? 3;
  const sliceMs = calendar.sliceMs;
  const sliceMinutes = sliceMs / MS_PER_MINUTE;
  const steps = Math.floor(
    (options.maxShiftMinutes ?? MINUTES_PER_DAY) / sliceMinutes,
  );
  const durationMs = request.expectedDurationMs;
  const from = calendar.horizonStartMs;
  const to = calendar.horizonEndMs;
  const horizonStart = sliceIndexAt(from, sliceMs);

  // The original runs over the window widened by the largest shift, counted per slice: moved by k slices, the runs
  // of the schedule shifted by k slices cover exactly the slices k further on (exactly for intervals; for cron,
  // except on a DST-change day). A shift is a cheap scan of these counts against what is free; a shift passing it
  // is then checked as the schedule the tenant would submit.
  const reach = steps * sliceMs;
  const base = sliceIndexAt(from - reach - durationMs, sliceMs);
  const runsPerSlice = new Int32Array(
    sliceIndexAt(to + reach, sliceMs) + 1 - base,
  );
  for (const startMs of expandSchedule(
    request.schedule,
    from - reach - durationMs,
    to + reach,
  )) {
    const end = Math.min(
      endSliceOfRun(startMs, durationMs, sliceMs),
      base + runsPerSlice.length,
    );
    for (let s = firstSliceOfRun(startMs, sliceMs); s < end; s++) {
      runsPerSlice[s - base]++;
    }
  }
  const free = calendar.freeProfile(
    request.tier,
    request.tenant,
    request.jobId,
  );
  const milliCores = toMilliCores(request.demand.cores);
  const fitsShiftedBy = (k: number) => {
    for (let offset = 0; offset < calendar.sliceCount; offset++) {
      const runs = runsPerSlice[horizonStart + offset - k - base];
      if (
        runs > 0 &&
        (runs * milliCores > free.milliCores[offset] ||
          runs * request.demand.memoryMiB > free.memoryMiB[offset])
      ) {
        return false;
      }
    }
    return true;
  };

  const alternatives: ScheduleAlternative[] = [];
  const offered = new Set<string>();
  for (let distance = 1; distance <= steps; distance++) {
    for (const k of [distance, -distance]) {
      if (alternatives.length >= maxAlternatives) {
        return alternatives;
      }
      if (!fitsShiftedBy(k)) {
        continue;
      }
      const shiftMinutes = k * sliceMinutes;
      const schedule = shiftSchedule(request.schedule, shiftMinutes, {
        notBeforeMs: from - durationMs,
      });
      if (!schedule) {
        continue;
      }
      const check = checkSchedule(calendar, { ...request, schedule }, 1);
      const key = fingerprint(check.reservation.occurrences);
      if (check.shortfalls.length > 0 || offered.has(key)) {
        continue; // a DST day made the submitted schedule differ, or an earlier alternative already runs the same
      }
      offered.add(key);
      alternatives.push({
        shiftMinutes,
        firstStartMs: check.reservation.occurrences.find(o => o.startMs >= from)
          ?.startMs,
        schedule,
      });
    }
  }
  return alternatives;
}

/** Identifies a set of runs, so that two shifts giving the same runs (an hourly job moved by 15 or 75 minutes) are offered once. */
function fingerprint(occurrences: readonly Occurrence[]): string {
  let hash = 0;
  for (const { startMs } of occurrences) {
    hash = (hash * 31 + startMs / MS_PER_MINUTE) % 2147483647;
  }
  return `${occurrences.length}:${occurrences[0]?.startMs}:${hash}`;
}
