import { JobSchedule } from '@internal/backstage-plugin-ingestion-common';
import fc from 'fast-check';

/** A cron field: wildcard, value, list, range or step. */
export const cronField = (min: number, max: number, wildcard = true) =>
  fc.oneof(
    fc.constant(wildcard ? '*' : String(min)),
    fc.integer({ min, max }).map(String),
    fc
      .uniqueArray(fc.integer({ min, max }), { minLength: 2, maxLength: 4 })
      .map(xs => xs.join(',')),
    fc
      .tuple(fc.integer({ min, max }), fc.integer({ min, max }))
      .filter(([a, b]) => a < b)
      .map(([a, b]) => `${a}-${b}`),
    fc
      .integer({ min: 2, max: Math.max(2, Math.floor(max / 2)) })
      .map(k => `*/${k}`),
  );

/**
 * Five-field cron expressions of every shape cron-parser accepts, except every-minute-ish minute fields (a plain
 * cron-parser reference is too slow on them).
 */
export const cronExpression = fc
  .record({
    minute: cronField(0, 59, false).filter(m => !/^\*\/[234]$/.test(m)),
    hour: cronField(0, 23),
    dayOfMonth: fc.oneof(
      { weight: 4, arbitrary: fc.constant('*') },
      { weight: 1, arbitrary: cronField(1, 28) },
      { weight: 1, arbitrary: fc.constant('L') },
    ),
    month: fc.oneof(
      { weight: 4, arbitrary: fc.constant('*') },
      { weight: 1, arbitrary: cronField(1, 12) },
    ),
    dayOfWeek: fc.oneof(
      { weight: 3, arbitrary: fc.constant('*') },
      { weight: 2, arbitrary: cronField(0, 6) },
      { weight: 1, arbitrary: fc.constantFrom('1-5', '5#2', '0L', '6,0') },
    ),
  })
  .map(f => `${f.minute} ${f.hour} ${f.dayOfMonth} ${f.month} ${f.dayOfWeek}`);

/** Sparse schedules as ETL jobs have them: a few runs a day, cron (several zones) or interval. */
export const jobSchedule: fc.Arbitrary<JobSchedule> = fc.oneof(
  fc
    .record({
      minute: fc.oneof(
        fc.integer({ min: 0, max: 59 }).map(String),
        fc.constantFrom('0,30', '5,35', '15,45', '10'),
      ),
      hour: fc.oneof(
        fc.integer({ min: 0, max: 23 }).map(String),
        fc.constantFrom('*/6', '*/8', '1,13', '2-4', '*/12'),
      ),
      dayOfWeek: fc.constantFrom('*', '*', '1-5', '0,6'),
      timezone: fc.constantFrom(
        'UTC',
        'Europe/Berlin',
        'America/New_York',
        'Asia/Kolkata',
      ),
    })
    .map(
      (f): JobSchedule => ({
        type: 'cron',
        expression: `${f.minute} ${f.hour} * * ${f.dayOfWeek}`,
        timezone: f.timezone,
      }),
    ),
  fc
    .record({
      everyMinutes: fc.constantFrom(60, 90, 180, 240, 360, 720, 1440),
      startAtMinutes: fc.option(fc.integer({ min: 0, max: 24 * 60 }), {
        nil: undefined,
      }),
    })
    .map(
      ({ everyMinutes, startAtMinutes }): JobSchedule => ({
        type: 'interval',
        everyMinutes,
        ...(startAtMinutes !== undefined && {
          startAt: new Date(
            Date.parse('2026-05-01T00:00:00Z') + startAtMinutes * 60_000,
          ).toISOString(),
        }),
      }),
    ),
);
