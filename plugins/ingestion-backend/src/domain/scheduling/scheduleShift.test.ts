import { JobSchedule } from '@internal/backstage-plugin-ingestion-common';
import fc from 'fast-check';
import { expandSchedule } from './scheduleExpansion';
import { shiftSchedule } from './scheduleShift';

const cron = (expression: string, timezone = 'UTC'): JobSchedule => ({
  type: 'cron',
  expression,
  timezone,
});
const expressionOf = (s: JobSchedule | undefined) =>
  s?.type === 'cron' ? s.expression : s;

describe('shiftSchedule: cron', () => {
  it.each([
    ['30 2 * * *', 45, '15 3 * * *'],
    ['30 2 * * *', -45, '45 1 * * *'],
    ['0 6,18 * * *', 15, '15 6,18 * * *'],
    ['0,30 * * * *', 15, '15,45 * * * *'],
    ['*/20 1-3 * * *', 15, '15,35,55 1-3 * * *'],
    ['0 23 * * *', 120, '0 1 * * *'], // every day: crossing midnight needs no day change
    ['0 23 * * 1-5', 120, '0 1 * * 2-6'], // weekdays at 23:00, two hours later: Tuesday to Saturday at 01:00
    ['30 0 * * 1', -60, '30 23 * * 0'],
    ['0 0 * * 0,6', -15, '45 23 * * 5,6'],
    ['0 9 1 * *', 60, '0 10 1 * *'], // day of month, same day: fine
  ])('%s shifted by %i minutes is %s', (expression, shift, expected) => {
    expect(
      expressionOf(shiftSchedule(cron(expression, 'Europe/Berlin'), shift)),
    ).toBe(expected);
  });

  it('keeps the time zone', () => {
    expect(shiftSchedule(cron('0 2 * * *', 'Asia/Kolkata'), 30)).toEqual(
      cron('30 2 * * *', 'Asia/Kolkata'),
    );
  });

  it.each([
    ['0,30 2 * * *', 45], // 02:45 and 03:15 are no hour x minute product
    ['0 23 1 * *', 120], // the 1st at 23:00 -> the 2nd at 01:00: day-of-month cannot move in general
    ['0 23 * 1 *', 120], // January only: the 31st at 23:00 would move into February
    ['0 23 * * 5L', 120], // last Friday: cannot move by a day
    ['0 12,23 * * 1', 120], // 14:00 stays on Monday, 01:00 moves to Tuesday
  ])(
    '%s cannot be shifted by %i minutes as a cron expression',
    (expression, shift) => {
      expect(shiftSchedule(cron(expression), shift)).toBeUndefined();
    },
  );

  it('runs exactly the shifted runs on days without an offset change (property)', () => {
    const from = Date.parse('2026-06-01T00:00:00Z');
    const to = from + 7 * 86_400_000;
    fc.assert(
      fc.property(
        fc.constantFrom('0', '15', '0,30', '10,40', '*/15', '5'),
        fc.constantFrom('2', '23', '0', '1,13', '*/6', '9-11', '*'),
        fc.constantFrom('*', '1-5', '0', '6,0'),
        fc.integer({ min: -96, max: 96 }).map(k => k * 15),
        fc.constantFrom('UTC', 'Europe/Berlin', 'Asia/Kolkata'),
        (minute, hour, dow, shift, tz) => {
          const original = cron(`${minute} ${hour} * * ${dow}`, tz);
          const shifted = shiftSchedule(original, shift);
          fc.pre(shifted !== undefined);
          const expected = expandSchedule(
            original,
            from - shift * 60_000,
            to - shift * 60_000,
          ).map(t => t + shift * 60_000);
          expect(expandSchedule(shifted!, from, to)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('shiftSchedule: interval', () => {
  it('moves startAt by the shift', () => {
    expect(
      shiftSchedule(
        { type: 'interval', everyMinutes: 60, startAt: '2026-05-01T10:00:00Z' },
        -30,
      ),
    ).toEqual({
      type: 'interval',
      everyMinutes: 60,
      startAt: '2026-05-01T09:30:00.000Z',
    });
  });

  it('writes an epoch-anchored interval as a recent startAt on the same lattice', () => {
    const notBeforeMs = Date.parse('2026-05-01T10:07:00Z');
    const original: JobSchedule = { type: 'interval', everyMinutes: 60 };
    const shifted = shiftSchedule(original, 15, { notBeforeMs });
    expect(shifted).toEqual({
      type: 'interval',
      everyMinutes: 60,
      startAt: '2026-05-01T09:15:00.000Z',
    });
    const window = [notBeforeMs, notBeforeMs + 86_400_000] as const;
    expect(expandSchedule(shifted!, ...window)).toEqual(
      expandSchedule(
        original,
        window[0] - 15 * 60_000,
        window[1] - 15 * 60_000,
      ).map(t => t + 15 * 60_000),
    );
  });

  it('keeps a future startAt as the shifted start', () => {
    expect(
      shiftSchedule(
        { type: 'interval', everyMinutes: 60, startAt: '2026-06-01T00:00:00Z' },
        30,
        { notBeforeMs: Date.parse('2026-05-01T00:00:00Z') },
      ),
    ).toEqual({
      type: 'interval',
      everyMinutes: 60,
      startAt: '2026-06-01T00:30:00.000Z',
    });
  });
});
