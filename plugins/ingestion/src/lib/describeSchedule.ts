import { JobSchedule } from '@internal/backstage-plugin-ingestion-common';
import { formatDateTime } from './format';

const WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];
const WEEKDAY_ABBREVIATIONS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const plural = (n: number, unit: string) =>
  n === 1 ? `every ${unit}` : `every ${n} ${unit}s`;

/** "every minute", "every 15 minutes", "every hour", "every 2 hours", "every day", "every 90 minutes". */
function describeInterval(everyMinutes: number): string {
  if (everyMinutes % 1440 === 0) return plural(everyMinutes / 1440, 'day');
  if (everyMinutes % 60 === 0) return plural(everyMinutes / 60, 'hour');
  return plural(everyMinutes, 'minute');
}

const isNumber = (field: string) => /^\d{1,2}$/.test(field);
const twoDigits = (n: string | number) => String(n).padStart(2, '0');

/** "Monday", "Monday and Friday", "Monday, Wednesday and Friday". */
function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The days of the week a day-of-week field names, or undefined when it is not a plain list or range. */
function weekdays(field: string): number[] | undefined {
  const day = (text: string) => {
    const named = WEEKDAY_ABBREVIATIONS.indexOf(text.toLowerCase());
    if (named >= 0) return named;
    return /^[0-7]$/.test(text) ? Number(text) % 7 : undefined;
  };
  const days = new Set<number>();
  for (const part of field.split(',')) {
    const [from, to, ...rest] = part.split('-');
    const start = day(from);
    const end = to === undefined ? start : day(to);
    if (rest.length || start === undefined || end === undefined) {
      return undefined;
    }
    if (end < start && to !== '7' && to?.toLowerCase() !== 'sun') {
      return undefined;
    }
    const last = to === '7' || to?.toLowerCase() === 'sun' ? 7 : end;
    for (let d = start; d <= last; d++) days.add(d % 7);
  }
  return [...days].sort();
}

function describeDays(field: string): string | undefined {
  const days = weekdays(field);
  if (!days) return undefined;
  const key = days.join(',');
  if (key === '1,2,3,4,5') return 'every weekday';
  if (key === '0,6') return 'every Saturday and Sunday';
  if (days.length === 7) return 'every day';
  return `every ${joinWords(days.map(d => WEEKDAYS[d]))}`;
}

/** A five-field cron expression in words, or undefined when it is not one of the common shapes. */
function describeCron(expression: string): string | undefined {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) return undefined;
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields;
  const everyDay = dayOfMonth === '*' && month === '*' && dayOfWeek === '*';

  if (everyDay && hour === '*') {
    if (minute === '*') return 'every minute';
    const step = /^\*\/(\d+)$/.exec(minute);
    if (step) return plural(Number(step[1]), 'minute');
    if (isNumber(minute)) {
      return minute === '0'
        ? 'every hour'
        : `every hour at ${twoDigits(minute)} past`;
    }
    return undefined;
  }
  if (!isNumber(minute)) return undefined;

  const hourStep = /^(?:\*|0)\/(\d+)$/.exec(hour);
  if (everyDay && hourStep) {
    const every = plural(Number(hourStep[1]), 'hour');
    return minute === '0' ? every : `${every} at ${twoDigits(minute)} past`;
  }

  const hours = hour.split(',');
  if (!hours.every(isNumber)) return undefined;
  const at = `at ${joinWords(
    hours.map(h => `${twoDigits(h)}:${twoDigits(minute)}`),
  )}`;
  if (everyDay) return `every day ${at}`;
  if (month === '*' && dayOfMonth === '*') {
    const days = describeDays(dayOfWeek);
    return days && `${days} ${at}`;
  }
  if (month === '*' && dayOfWeek === '*' && isNumber(dayOfMonth)) {
    return `every month on day ${dayOfMonth} ${at}`;
  }
  return undefined;
}

/** Whether the words name a clock time, which only means something in a time zone. */
const namesClockTime = (words: string) => /\d{2}:\d{2}/.test(words);

/**
 * A job's schedule in words: "every hour", "every day at 02:00 (UTC)", "every weekday at 06:30 (Europe/Berlin)",
 * "every 15 minutes from 1 May 2026, 10:00". Cron expressions of an unusual shape are given as they are:
 * "cron 5 4 1-7 * 1 (UTC)".
 */
export function describeSchedule(schedule: JobSchedule): string {
  if (schedule.type === 'interval') {
    const every = describeInterval(schedule.everyMinutes);
    return schedule.startAt
      ? `${every} from ${formatDateTime(schedule.startAt)}`
      : every;
  }
  const words = describeCron(schedule.expression);
  if (!words) return `cron ${schedule.expression} (${schedule.timezone})`;
  return namesClockTime(words) ? `${words} (${schedule.timezone})` : words;
}
