import { InputError } from '@backstage/errors';
import {
  JobSchedule,
  NamespaceTier,
} from '@internal/backstage-plugin-ingestion-common';
import { Resources } from './resources';
import { expandSchedule } from './scheduleExpansion';
import {
  Occurrence,
  Reservation,
  SliceCalendar,
  SliceCalendarOptions,
} from './sliceCalendar';

/** A job as the scheduler needs it: where its runs go, what one run takes, when runs start and how long they last. */
export interface SchedulableJob {
  jobId: string;
  tier: NamespaceTier;
  tenant: string;
  /** Cores and memory of one run (placement.ts: runDemand). */
  demand: Resources;
  schedule: JobSchedule;
  /** How long a run is expected to take (expectedDuration.ts). */
  expectedDurationMs: number;
}

/**
 * The runs of a schedule that overlap [fromMs, toMs): those starting inside it, and those started before it that are
 * still running at `fromMs` (a run started at 09:50 for 30 minutes still holds the 10:00 slice).
 */
export function runsOverlapping(
  schedule: JobSchedule,
  durationMs: number,
  fromMs: number,
  toMs: number,
): Occurrence[] {
  assertDuration(durationMs);
  return expandSchedule(schedule, fromMs - durationMs, toMs)
    .filter(startMs => startMs + durationMs > fromMs)
    .map(startMs => ({ startMs, durationMs }));
}

/** A job's reservation for a window (normally the calendar's horizon). */
export function reservationFor(
  job: SchedulableJob,
  window: { fromMs: number; toMs: number },
): Reservation {
  return {
    tier: job.tier,
    tenant: job.tenant,
    demand: job.demand,
    occurrences: runsOverlapping(
      job.schedule,
      job.expectedDurationMs,
      window.fromMs,
      window.toMs,
    ),
  };
}

/** Capacities to build a calendar with: per tier, and the dedicated units per tenant. */
export interface CalendarCapacities {
  tiers: Partial<Record<NamespaceTier, Resources>>;
  tenants?: Record<string, Resources>;
}

/**
 * The full recompute (Requirement 14.4): a fresh calendar with every job's runs over the horizon. Jobs are placed
 * as they are, without admission: the result shows what the stored schedules commit, over-commitment included
 * (`overcommittedSlices`), e.g. after a capacity cut.
 */
export function rebuildCalendar(
  options: SliceCalendarOptions,
  capacities: CalendarCapacities,
  jobs: Iterable<SchedulableJob>,
): SliceCalendar {
  const calendar = new SliceCalendar(options);
  // Tiers first: tenants' dedicated units are checked against the dedicated namespace.
  for (const [tier, capacity] of Object.entries(capacities.tiers)) {
    calendar.setCapacity(tier as NamespaceTier, capacity!);
  }
  for (const [tenant, capacity] of Object.entries(capacities.tenants ?? {})) {
    calendar.setTenantCapacity(tenant, capacity);
  }
  const window = {
    fromMs: calendar.horizonStartMs,
    toMs: calendar.horizonEndMs,
  };
  for (const job of jobs) {
    calendar.place(job.jobId, reservationFor(job, window));
  }
  return calendar;
}

function assertDuration(durationMs: number): void {
  if (!(durationMs > 0) || !Number.isFinite(durationMs)) {
    throw new InputError(
      `expectedDurationMs: must be a positive, finite duration in ms, got ${durationMs}`,
    );
  }
}
