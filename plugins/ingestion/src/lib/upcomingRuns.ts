import { JobSchedule } from '@internal/backstage-plugin-ingestion-common';
import { CronExpressionParser } from 'cron-parser';

/**
 * When a schedule starts its next `count` runs after `from` (epoch ms, ascending), as the backend expands it:
 * cron expressions through cron-parser in their time zone, intervals at `startAt` (or the epoch) plus whole
 * periods. An expression the browser cannot read gives no runs rather than an error.
 */
export function upcomingRuns(
  schedule: JobSchedule,
  from: number,
  count: number,
): number[] {
  if (count < 1) return [];
  if (schedule.type === 'interval') {
    const period = schedule.everyMinutes * 60_000;
    const anchor = schedule.startAt ? Date.parse(schedule.startAt) : 0;
    if (!(period > 0) || Number.isNaN(anchor)) return [];
    const first =
      anchor + Math.max(0, Math.ceil((from - anchor) / period)) * period;
    return Array.from({ length: count }, (_, i) => first + i * period);
  }
  try {
    const expression = CronExpressionParser.parse(schedule.expression, {
      currentDate: new Date(from - 1),
      tz: schedule.timezone,
    });
    return Array.from({ length: count }, () => expression.next().getTime());
  } catch {
    return [];
  }
}
