import { JobSchedule } from '@internal/backstage-plugin-ingestion-common';
import { parseCronExpression } from './cronExpression';
import { intervalAnchorMs, intervalPeriodMs } from './scheduleExpansion';
import { MINUTES_PER_DAY, MS_PER_MINUTE } from './slices';

/**
 * The same schedule, `shiftMinutes` later (earlier when negative), written as a schedule the tenant can submit;
 * undefined when no schedule of the same kind says it.
 *
 * Interval: the anchor moves by the shift. Without `startAt` (anchored at the epoch), or with one before
 * `notBeforeMs`, the new `startAt` is the last shifted run at or before `notBeforeMs`, so it reads as a date the
 * tenant recognises; runs from then on are exactly the shifted runs.
 *
 * Cron: every time of day moves by the shift, in the schedule's own time zone (so on a DST-change day the new
 * schedule is not exactly the old one plus the shift; admission checks the new expression itself). The result is
 * expressible when the shifted times are again every chosen minute of every chosen hour (a cron minute x hour
 * product), and when times crossing midnight can be told by the day fields: always when the job runs every day;
 * by moving day-of-week when only day-of-week is restricted (plainly, without `L` or `#`); otherwise not.
 */
export function shiftSchedule(
  schedule: JobSchedule,
  shiftMinutes: number,
  options: { notBeforeMs?: number } = {},
): JobSchedule | undefined {
  if (!Number.isInteger(shiftMinutes)) {
    return undefined;
  }
  if (schedule.type === 'interval') {
    const period = intervalPeriodMs(schedule);
    let anchor = intervalAnchorMs(schedule) + shiftMinutes * MS_PER_MINUTE;
    const { notBeforeMs } = options;
    if (notBeforeMs !== undefined && anchor < notBeforeMs) {
      anchor += Math.floor((notBeforeMs - anchor) / period) * period;
    }
    return {
      type: 'interval',
      everyMinutes: schedule.everyMinutes,
      startAt: new Date(anchor).toISOString(),
    };
  }

  const cron = parseCronExpression(schedule.expression);
  const shifted = cron.minutesOfDay.map(m => m + shiftMinutes);
  const dayMoves = new Set(shifted.map(m => Math.floor(m / MINUTES_PER_DAY)));
  let dayOfWeek = cron.dayOfWeek;
  if (!cron.everyDay) {
    if (dayMoves.size > 1) {
      return undefined;
    }
    const [move] = dayMoves;
    if (move !== 0) {
      if (!cron.dayOfMonthWildcard || !cron.monthWildcard || !cron.daysOfWeek) {
        return undefined;
      }
      dayOfWeek = cronList(
        cron.daysOfWeek.map(d => (((d + move) % 7) + 7) % 7),
        0,
        6,
      );
    }
  }

  const minutesByHour = new Map<number, Set<number>>();
  for (const m of shifted) {
    const minuteOfDay =
      ((m % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
    const hour = Math.floor(minuteOfDay / 60);
    const minutes = minutesByHour.get(hour) ?? new Set<number>();
    minutes.add(minuteOfDay % 60);
    minutesByHour.set(hour, minutes);
  }
  const [first, ...rest] = [...minutesByHour.values()].map(set =>
    [...set].sort((a, b) => a - b).join(','),
  );
  if (rest.some(minutes => minutes !== first)) {
    return undefined; // e.g. 02:00 and 02:30 shifted by 45 minutes: 02:45 and 03:15 are no hour x minute product
  }
  const minutes = first.split(',').map(Number);
  const hours = [...minutesByHour.keys()];
  return {
    type: 'cron',
    expression: [
      cronList(minutes, 0, 59),
      cronList(hours, 0, 23),
      cron.dayOfMonth,
      cron.month,
      dayOfWeek,
    ].join(' '),
    timezone: schedule.timezone,
  };
}

/** A cron list for a set of values: `*` for all of them, `a-b` for runs of three or more, commas between. */
function cronList(values: number[], min: number, max: number): string {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  if (sorted.length === max - min + 1) {
    return '*';
  }
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) {
      j++;
    }
    if (j - i >= 2) {
      parts.push(`${sorted[i]}-${sorted[j]}`);
    } else {
      parts.push(...sorted.slice(i, j + 1).map(String));
    }
    i = j + 1;
  }
  return parts.join(',');
}
