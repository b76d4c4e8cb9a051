import { InputError } from '@backstage/errors';
import { JobSchedule } from '@internal/backstage-plugin-ingestion-common';
import { DateTime } from 'luxon';
import { BoundedCache } from './boundedCache';
import {
  CRON_LOOP_LIMIT,
  CronFields,
  CronParserStuckError,
  assertTimeZone,
  cronOccurrences,
  parseCronExpression,
} from './cronExpression';
import { MS_PER_DAY, MS_PER_MINUTE } from './slices';

/*
 * Expanding a schedule into the start times of its runs.
 *
 * Daylight saving, as cron-parser does it (pinned in the tests):
 * - Spring forward: a time inside the skipped hour runs once, at the same minutes in the hour after the gap
 *   (02:30 in Europe/Berlin on the last Sunday of March runs at 03:30 CEST).
 * - Fall back: a time inside the repeated hour with a fixed hour field runs once, at its first (summer time)
 *   occurrence (01:30 in America/New_York on the first Sunday of November runs at 01:30 EDT only). An expression
 *   whose hour field is a wildcard (hourly jobs) runs in both repeated hours, since each is a real hour.
 *
 * Speed: cron-parser takes 70-170 µs per occurrence (it walks the calendar through luxon), so expanding 10,000
 * jobs over a week with it alone takes tens of seconds. On a local day without a UTC offset change, though, a cron
 * expression fires at exactly its hour x minute combinations on the days its day fields match, so those days are
 * computed here directly: whether a day matches is still asked of cron-parser (once per day-fields pattern and range,
 * memoised), and the 90 minutes either side of an offset change are handed to cron-parser. A differential property
 * test checks this against plain cron-parser iteration across time zones and DST days.
 */

// Memo tables of pure functions (see BoundedCache): parsed startAt values, and runs around offset changes.
const anchors = new BoundedCache<string, number>(20_000);
const changeRuns = new BoundedCache<string, number[]>(20_000);

/** Throws an InputError naming the field (`schedule.type`, `schedule.expression`, `schedule.timezone`, ...) when a schedule is invalid. */
export function validateSchedule(schedule: JobSchedule): void {
  if (schedule?.type === 'cron') {
    parseCronExpression(schedule.expression);
    assertTimeZone(schedule.timezone);
  } else if (schedule?.type === 'interval') {
    intervalPeriodMs(schedule);
    intervalAnchorMs(schedule);
  } else {
    throw new InputError(
      `schedule.type: must be 'cron' or 'interval', got '${
        (schedule as { type?: unknown })?.type
      }'`,
    );
  }
}

/** Start times (epoch ms, ascending) of the runs a schedule starts within [fromMs, toMs). */
export function expandSchedule(
  schedule: JobSchedule,
  fromMs: number,
  toMs: number,
): number[] {
  validateSchedule(schedule);
  if (!(toMs > fromMs)) {
    return [];
  }
  return schedule.type === 'cron'
    ? expandCron(
        parseCronExpression(schedule.expression),
        schedule.timezone,
        fromMs,
        toMs,
      )
    : expandInterval(schedule, fromMs, toMs);
}

/** The period of an interval schedule, validated. */
export function intervalPeriodMs(
  schedule: Extract<JobSchedule, { type: 'interval' }>,
): number {
  const every = schedule.everyMinutes;
  if (!Number.isInteger(every) || every < 1) {
    throw new InputError(
      `schedule.everyMinutes: must be a whole number of minutes, at least 1, got ${every}`,
    );
  }
  return every * MS_PER_MINUTE;
}

/**
 * The instant an interval schedule is anchored at: `startAt`, or the epoch when absent. `startAt` must carry its
 * offset: a local time without one would mean whatever zone the server runs in.
 */
export function intervalAnchorMs(
  schedule: Extract<JobSchedule, { type: 'interval' }>,
): number {
  if (schedule.startAt === undefined) {
    return 0;
  }
  const anchor = anchors.getOrCompute(String(schedule.startAt), text => {
    const withOffset = /(z|[+-]\d{2}(:?\d{2})?)$/i.test(text.trim());
    const parsed = withOffset ? DateTime.fromISO(text.trim()) : undefined;
    return parsed?.isValid ? parsed.toMillis() : NaN;
  });
  if (Number.isNaN(anchor)) {
    throw new InputError(
      `schedule.startAt: must be an ISO 8601 timestamp with an offset (e.g. 2026-05-01T10:00:00Z), got '${schedule.startAt}'`,
    );
  }
  return anchor;
}

/** Runs start at anchor + k x period for k >= 0: nothing before `startAt`. */
function expandInterval(
  schedule: Extract<JobSchedule, { type: 'interval' }>,
  fromMs: number,
  toMs: number,
): number[] {
  const period = intervalPeriodMs(schedule);
  const anchor = intervalAnchorMs(schedule);
  const out: number[] = [];
  const k = Math.max(0, Math.ceil((fromMs - anchor) / period));
  for (let t = anchor + k * period; t < toMs; t += period) {
    out.push(t);
  }
  return out;
}

function expandCron(
  cron: CronFields,
  timezone: string,
  fromMs: number,
  toMs: number,
): number[] {
  const out: number[] = [];
  const days = localDays(timezone, fromMs, toMs);
  const matches = cron.everyDay
    ? undefined
    : matchingDates(cron, days[0].dateKey, days[days.length - 1].dateKey);
  const keep = (t: number) => {
    if (t >= fromMs && t < toMs) {
      out.push(t);
    }
  };
  for (const day of days) {
    if (day.endMs <= fromMs || day.startMs >= toMs) {
      continue;
    }
    if (matches && !matches.has(day.dateKey)) {
      continue;
    }
    // Before the offset change (all day on a regular day) local time is UTC + the offset before; after the change
    // window, UTC + the offset after. Times mapping to neither are the change window's, cron-parser's to place.
    const after: number[] = [];
    let nearChange = false;
    for (const minute of cron.minutesOfDay) {
      const wall = day.wallMidnightMs + minute * MS_PER_MINUTE;
      const before = wall - day.offsetBeforeMs;
      if (before >= day.startMs && before < day.changeFromMs) {
        keep(before);
        continue;
      }
      const later = wall - day.offsetAfterMs;
      if (later >= day.changeToMs && later < day.endMs) {
        after.push(later);
      } else {
        nearChange = true;
      }
    }
    if (nearChange) {
      expandOffsetChange(cron, timezone, day).forEach(keep);
    }
    after.forEach(keep);
  }
  return out;
}

/**
 * The hours around an offset change: cron-parser decides what runs and when. Its answer around a change at local
 * midnight (America/Havana) depends on where its iteration starts, so it always starts an hour before the span,
 * in ordinary time, as a long-running iteration would have passed it.
 */
function expandOffsetChange(
  cron: CronFields,
  timezone: string,
  day: LocalDay,
): number[] {
  const { changeFromMs: from, changeToMs: to } = day;
  return changeRuns.getOrCompute(
    `${cron.expression}|${timezone}|${from}`,
    () => {
      try {
        return cronOccurrences(
          cron.expression,
          timezone,
          from - 60 * MS_PER_MINUTE,
          to,
        ).filter(t => t >= from);
      } catch (e) {
        if (
          (e as Error).message !== CRON_LOOP_LIMIT &&
          !(e instanceof CronParserStuckError)
        ) {
          throw e;
        }
        // cron-parser gives up ("loop limit exceeded") around some changes by 30 minutes (Australia/Lord_Howe), and
        // cycles for ever across Pacific/Chatham's fall-back.
        return wallClockRuns(cron, timezone, day).filter(
          t => t >= from && t < to,
        );
      }
    },
  );
}

/**
 * The runs of one day from its wall-clock times, for offset changes cron-parser cannot do, by cron-parser's rules
 * elsewhere: a time skipped by a forward shift runs just after the gap; a repeated time runs once, at its first
 * occurrence, unless the hour field is a wildcard (then in both repeated hours).
 */
function wallClockRuns(
  cron: CronFields,
  timezone: string,
  day: LocalDay,
): number[] {
  const offsetAt = (t: number) =>
    DateTime.fromMillis(t, { zone: timezone }).offset * MS_PER_MINUTE;
  const everyHour = cron.hours.length === 24;
  const runs = new Set<number>();
  for (const minute of cron.minutesOfDay) {
    const wall = day.wallMidnightMs + minute * MS_PER_MINUTE;
    const candidates = [
      wall - day.offsetBeforeMs,
      wall - day.offsetAfterMs,
    ].filter(t => offsetAt(t) === wall - t);
    if (candidates.length === 0) {
      // Skipped by a forward shift: at the offset before the shift it falls just after the gap.
      runs.add(wall - day.offsetBeforeMs);
    } else if (everyHour) {
      candidates.forEach(t => runs.add(t)); // each repeated hour is a real hour
    } else {
      runs.add(Math.min(...candidates));
    }
  }
  return [...runs].sort((a, b) => a - b);
}

/** One local calendar day in a time zone, as a UTC interval. */
interface LocalDay {
  /** yyyymmdd of the local date, e.g. 20260329. */
  dateKey: number;
  startMs: number;
  endMs: number;
  /** Local midnight read as if the wall clock were UTC. */
  wallMidnightMs: number;
  /** UTC offsets just before the day and at its end (equal on a regular day). */
  offsetBeforeMs: number;
  offsetAfterMs: number;
  /**
   * 90 minutes either side of an offset change (shifts are at most an hour), clipped to the day; empty
   * ([endMs, endMs)) on a day without one. Outside it local time is UTC plus a constant offset.
   */
  changeFromMs: number;
  changeToMs: number;
}

const CHANGE_MARGIN_MS = 90 * MS_PER_MINUTE;
const zoneDays = new BoundedCache<string, LocalDay[]>(512);

/**
 * The local days of a time zone covering [fromMs, toMs). Computed for the whole UTC days around the range and
 * memoised, since all jobs of a recompute (and all candidates of an admission) share the window.
 */
function localDays(timezone: string, fromMs: number, toMs: number): LocalDay[] {
  const firstUtcDay = Math.floor(fromMs / MS_PER_DAY) - 1;
  const lastUtcDay = Math.ceil(toMs / MS_PER_DAY) + 1;
  return zoneDays.getOrCompute(
    `${timezone}|${firstUtcDay}|${lastUtcDay}`,
    () => {
      const offsetAt = (t: number) =>
        DateTime.fromMillis(t, { zone: timezone }).offset * MS_PER_MINUTE;
      const days: LocalDay[] = [];
      let start = DateTime.fromMillis(firstUtcDay * MS_PER_DAY, {
        zone: timezone,
      }).startOf('day');
      while (start.toMillis() < lastUtcDay * MS_PER_DAY) {
        const end = start.plus({ days: 1 }).startOf('day');
        const startMs = start.toMillis();
        const endMs = end.toMillis();
        // The offset just before the day, so that a change exactly at its start (America/Havana springs from
        // 00:00 to 01:00: the day starts at 01:00) counts as this day's: the skipped times are this date's.
        const offsetBeforeMs = offsetAt(startMs - 1);
        const offsetAfterMs = offsetAt(endMs - 1);
        const regular =
          endMs - startMs === MS_PER_DAY && offsetBeforeMs === offsetAfterMs;
        let changeFromMs = endMs;
        let changeToMs = endMs;
        if (!regular) {
          // The instant of the change, to the minute, by bisection.
          let lo = startMs - 1;
          let hi = endMs - 1;
          while (hi - lo > MS_PER_MINUTE) {
            const mid = lo + Math.floor((hi - lo) / 2);
            if (offsetAt(mid) === offsetBeforeMs) {
              lo = mid;
            } else {
              hi = mid;
            }
          }
          changeFromMs = Math.max(startMs, lo - CHANGE_MARGIN_MS);
          changeToMs = Math.min(endMs, hi + CHANGE_MARGIN_MS);
        }
        days.push({
          dateKey: start.year * 10000 + start.month * 100 + start.day,
          startMs,
          endMs,
          wallMidnightMs: Date.UTC(start.year, start.month - 1, start.day),
          offsetBeforeMs,
          offsetAfterMs,
          changeFromMs,
          changeToMs,
        });
        start = end;
      }
      return days;
    },
  );
}

const dayMatches = new BoundedCache<string, Set<number>>(4096);

/**
 * The local dates in [firstDateKey, lastDateKey] on which a cron expression's day fields (day of month, month,
 * day of week, with cron's rule that restricted day-of-month and day-of-week are ORed, `L` and `#`) let it run.
 * Asked of cron-parser through an expression firing at noon UTC on exactly those days: dates are dates, whatever
 * the zone, and noon keeps clear of any DST oddity.
 */
function matchingDates(
  cron: CronFields,
  firstDateKey: number,
  lastDateKey: number,
): Set<number> {
  const dayFields = `${cron.dayOfMonth} ${cron.month} ${cron.dayOfWeek}`;
  return dayMatches.getOrCompute(
    `${dayFields}|${firstDateKey}|${lastDateKey}`,
    () => {
      const noon = (key: number) =>
        Date.UTC(
          Math.floor(key / 10000),
          (Math.floor(key / 100) % 100) - 1,
          key % 100,
          12,
        );
      const runs = cronOccurrences(
        `0 12 ${dayFields}`,
        'UTC',
        noon(firstDateKey),
        noon(lastDateKey) + 1,
      );
      return new Set(
        runs.map(t => {
          const d = new Date(t);
          return (
            d.getUTCFullYear() * 10000 +
            (d.getUTCMonth() + 1) * 100 +
            d.getUTCDate()
          );
        }),
      );
    },
  );
}
