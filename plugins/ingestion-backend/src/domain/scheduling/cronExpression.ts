import { InputError } from '@backstage/errors';
import { CronExpression, CronExpressionParser } from 'cron-parser';
import { IANAZone } from 'luxon';
import { BoundedCache } from './boundedCache';

/**
 * What a cron expression says, as cron-parser reads it. cron-parser stays the authority on cron syntax; this is
 * the part of its reading the scheduler needs: the times of day a schedule fires and its day fields.
 */
export interface CronFields {
  /** The expression as written. */
  expression: string;
  /** Minutes (0-59) and hours (0-23) it fires at, ascending. */
  minutes: readonly number[];
  hours: readonly number[];
  /** Minutes after local midnight at which it fires on a day it runs: every hour x minute, ascending. */
  minutesOfDay: readonly number[];
  /** Day-of-month, month and day-of-week fields in cron-parser's own notation (aliases expanded). */
  dayOfMonth: string;
  month: string;
  dayOfWeek: string;
  dayOfMonthWildcard: boolean;
  monthWildcard: boolean;
  dayOfWeekWildcard: boolean;
  /** Days of week (0 = Sunday) when the field is plain numbers, lists or ranges; undefined with `L` or `#`. */
  daysOfWeek: readonly number[] | undefined;
  /** Whether day-of-month, month and day-of-week are all wildcards: the schedule fires the same way every day. */
  everyDay: boolean;
}

const FIELD = 'schedule.expression';
/** cron-parser's error once a search passes `endDate` (its constant is not exported from the package root). */
export const CRON_END_OF_RANGE = 'Out of the time span range';
/** cron-parser's error when its search gives up (it does on some days of zones that shift by 30 minutes). */
export const CRON_LOOP_LIMIT = 'Invalid expression, loop limit exceeded';

/**
 * Thrown by cronOccurrences when cron-parser stops moving forward. Across Pacific/Chatham's fall-back (03:45 to
 * 02:45) it cycles through the same hour for ever; iterating until the end of the range would never return.
 */
export class CronParserStuckError extends Error {
  constructor(expression: string, timezone: string, atMs: number) {
    super(
      `cron-parser went back in time for '${expression}' in ${timezone} at ${new Date(
        atMs,
      ).toISOString()}`,
    );
    this.name = 'CronParserStuckError';
  }
}
const parsed = new BoundedCache<string, CronFields>(20_000);
// luxon asks Intl each time, which shows in admission latency.
const knownZones = new BoundedCache<string, boolean>(1_000);

/**
 * Parses and validates a cron expression (five fields, or an alias such as `@daily`). Throws an InputError naming
 * `schedule.expression` when cron-parser rejects it, when it has another number of fields, when it fires at seconds
 * other than 0 (`@secondly`; the calendar works in minutes), or when it uses `H`: cron-parser draws unseeded `H` values at random, so the same job would land in
 * different slices on every parse.
 */
export function parseCronExpression(expression: string): CronFields {
  return parsed.getOrCompute(expression, parseUncached);
}

function parseUncached(expression: string): CronFields {
  if (typeof expression !== 'string' || expression.trim() === '') {
    throw new InputError(`${FIELD}: must be a non-empty cron expression`);
  }
  const atoms = expression.trim().split(/\s+/);
  if (
    !(atoms.length === 5 || (atoms.length === 1 && atoms[0].startsWith('@')))
  ) {
    // cron-parser would read fewer fields by prepending defaults ('0 2 * *' as every minute of 00:00 on the 2nd)
    // and six as seconds first.
    throw new InputError(
      `${FIELD}: '${expression}' must have five fields (minute hour day-of-month month day-of-week) or be an alias such as @daily`,
    );
  }
  if (atoms.some(atom => /(^|,)h/i.test(atom))) {
    throw new InputError(
      `${FIELD}: 'H' (hashed) values are not supported, write the minute and hour explicitly: '${expression}'`,
    );
  }
  let cron: CronExpression;
  try {
    cron = CronExpressionParser.parse(expression);
  } catch (e) {
    throw new InputError(
      `${FIELD}: '${expression}' is not a valid cron expression: ${
        (e as Error).message
      }`,
    );
  }
  const { fields } = cron;
  if (fields.second.values.length !== 1 || fields.second.values[0] !== 0) {
    throw new InputError(
      `${FIELD}: '${expression}' fires at seconds other than 0; schedules have minute resolution`,
    );
  }
  const minutes = [...(fields.minute.values as number[])].sort((a, b) => a - b);
  const hours = [...(fields.hour.values as number[])].sort((a, b) => a - b);
  const minutesOfDay = hours.flatMap(h => minutes.map(m => h * 60 + m));
  // stringify(true) yields six atoms in cron-parser's own notation; day fields keep their wildcard-ness (a '*' stays
  // '*', '0-6' stays '0-6'), which matters because cron ORs day-of-month and day-of-week only when both are restricted.
  const [, , , dayOfMonth, month, dayOfWeek] = cron.stringify(true).split(' ');
  const plainDaysOfWeek =
    !/[L#]/i.test(dayOfWeek) &&
    (fields.dayOfWeek.values as (number | string)[]).every(
      v => typeof v === 'number',
    );
  return {
    expression,
    minutes,
    hours,
    minutesOfDay,
    dayOfMonth,
    month,
    dayOfWeek,
    dayOfMonthWildcard: fields.dayOfMonth.isWildcard,
    monthWildcard: fields.month.isWildcard,
    dayOfWeekWildcard: fields.dayOfWeek.isWildcard,
    daysOfWeek: plainDaysOfWeek
      ? [
          ...new Set((fields.dayOfWeek.values as number[]).map(d => d % 7)),
        ].sort((a, b) => a - b)
      : undefined,
    everyDay:
      fields.dayOfMonth.isWildcard &&
      fields.month.isWildcard &&
      fields.dayOfWeek.isWildcard,
  };
}

/** Throws an InputError naming `schedule.timezone` unless it is an IANA time zone name that luxon knows. */
export function assertTimeZone(timezone: string): void {
  const valid =
    typeof timezone === 'string' &&
    knownZones.getOrCompute(timezone, zone => IANAZone.isValidZone(zone));
  if (!valid) {
    throw new InputError(
      `schedule.timezone: '${timezone}' is not an IANA time zone name (e.g. Europe/Berlin)`,
    );
  }
}

/**
 * Occurrences (epoch ms, ascending) of a cron expression in a time zone within [fromMs, toMs), straight from
 * cron-parser. cron-parser's `endDate` stops a search for a rare date (a 29 February) at the end of the range
 * instead of walking years ahead.
 */
export function cronOccurrences(
  expression: string,
  timezone: string,
  fromMs: number,
  toMs: number,
): number[] {
  const out: number[] = [];
  if (!(toMs > fromMs)) {
    return out;
  }
  // Occurrences fall on whole seconds; starting one millisecond early makes `fromMs` itself eligible.
  const iterator = CronExpressionParser.parse(expression, {
    tz: timezone,
    currentDate: fromMs - 1,
    endDate: toMs,
  });
  for (;;) {
    let t: number;
    try {
      t = iterator.next().getTime();
    } catch (e) {
      if ((e as Error).message === CRON_END_OF_RANGE) {
        return out;
      }
      throw e;
    }
    if (t >= toMs) {
      return out;
    }
    if (out.length > 0 && t <= out[out.length - 1]) {
      throw new CronParserStuckError(expression, timezone, t);
    }
    out.push(t);
  }
}
