import { JobSchedule } from '@internal/backstage-plugin-ingestion-common';
import { CronExpressionParser } from 'cron-parser';
import fc from 'fast-check';
import { cronExpression } from './__testUtils__/arbitraries';
import { expandSchedule, validateSchedule } from './scheduleExpansion';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const cron = (expression: string, timezone = 'UTC'): JobSchedule => ({
  type: 'cron',
  expression,
  timezone,
});

describe('expandSchedule: cron', () => {
  it('expands a daily job in its time zone', () => {
    const runs = expandSchedule(
      cron('30 2 * * *', 'Europe/Berlin'),
      at('2026-01-10T00:00:00Z'),
      at('2026-01-13T00:00:00Z'),
    );
    // CET is UTC+1 in January.
    expect(runs.map(iso)).toEqual([
      '2026-01-10T01:30:00.000Z',
      '2026-01-11T01:30:00.000Z',
      '2026-01-12T01:30:00.000Z',
    ]);
  });

  it('includes `from` and excludes `to`', () => {
    const from = at('2026-01-10T10:00:00Z');
    expect(expandSchedule(cron('0 * * * *'), from, from + 2 * HOUR)).toEqual([
      from,
      from + HOUR,
    ]);
  });

  it('honours day-of-week, day-of-month and the OR rule between them', () => {
    // 2026-03-02 is a Monday.
    const from = at('2026-03-01T00:00:00Z');
    const to = from + 14 * DAY;
    expect(
      expandSchedule(cron('0 6 * * 1-5'), from, to).map(t =>
        new Date(t).getUTCDay(),
      ),
    ).toEqual([1, 2, 3, 4, 5, 1, 2, 3, 4, 5]);
    expect(expandSchedule(cron('0 6 10 * 1'), from, to).map(iso)).toEqual([
      '2026-03-02T06:00:00.000Z',
      '2026-03-09T06:00:00.000Z',
      '2026-03-10T06:00:00.000Z',
    ]);
    expect(
      expandSchedule(cron('0 0 L * *'), at('2026-02-20T00:00:00Z'), to).map(
        iso,
      ),
    ).toEqual(['2026-02-28T00:00:00.000Z']);
  });

  describe('daylight saving (cron-parser behaviour, pinned)', () => {
    it('Europe/Berlin spring forward: 02:30 does not exist on 2026-03-29 and runs once, at 03:30 CEST', () => {
      const runs = expandSchedule(
        cron('30 2 * * *', 'Europe/Berlin'),
        at('2026-03-28T00:00:00Z'),
        at('2026-03-31T00:00:00Z'),
      );
      expect(runs.map(iso)).toEqual([
        '2026-03-28T01:30:00.000Z', // 02:30 CET (UTC+1)
        '2026-03-29T01:30:00.000Z', // 03:30 CEST: the skipped time moves past the gap
        '2026-03-30T00:30:00.000Z', // 02:30 CEST (UTC+2)
      ]);
    });

    it('America/New_York spring forward: 02:30 runs at 03:30 EDT on 2026-03-08', () => {
      const runs = expandSchedule(
        cron('30 2 * * *', 'America/New_York'),
        at('2026-03-07T00:00:00Z'),
        at('2026-03-10T00:00:00Z'),
      );
      expect(runs.map(iso)).toEqual([
        '2026-03-07T07:30:00.000Z', // 02:30 EST (UTC-5)
        '2026-03-08T07:30:00.000Z', // 03:30 EDT (UTC-4)
        '2026-03-09T06:30:00.000Z', // 02:30 EDT
      ]);
    });

    it('America/New_York fall back: 01:30 happens twice on 2026-11-01 and the job runs once, at 01:30 EDT', () => {
      const runs = expandSchedule(
        cron('30 1 * * *', 'America/New_York'),
        at('2026-10-31T00:00:00Z'),
        at('2026-11-03T00:00:00Z'),
      );
      expect(runs.map(iso)).toEqual([
        '2026-10-31T05:30:00.000Z', // 01:30 EDT (UTC-4)
        '2026-11-01T05:30:00.000Z', // first 01:30 (EDT) only; 06:30Z (01:30 EST) is not a run
        '2026-11-02T06:30:00.000Z', // 01:30 EST (UTC-5)
      ]);
    });

    it('Europe/Berlin fall back: 02:30 runs once, at 02:30 CEST, on 2026-10-25', () => {
      const runs = expandSchedule(
        cron('30 2 * * *', 'Europe/Berlin'),
        at('2026-10-25T00:00:00Z'),
        at('2026-10-26T00:00:00Z'),
      );
      expect(runs.map(iso)).toEqual(['2026-10-25T00:30:00.000Z']);
    });

    it('an hourly job runs in every real hour: 23 runs on a spring-forward day, 25 on a fall-back day', () => {
      const berlin = cron('0 * * * *', 'Europe/Berlin');
      // Local days: 2026-03-29 00:00 CET = 03-28T23:00Z; 2026-10-25 00:00 CEST = 10-24T22:00Z.
      expect(
        expandSchedule(
          berlin,
          at('2026-03-28T23:00:00Z'),
          at('2026-03-29T22:00:00Z'),
        ),
      ).toHaveLength(23);
      const fallBack = expandSchedule(
        berlin,
        at('2026-10-24T22:00:00Z'),
        at('2026-10-25T23:00:00Z'),
      );
      expect(fallBack).toHaveLength(25);
      expect(fallBack.slice(2, 5).map(iso)).toEqual([
        '2026-10-25T00:00:00.000Z', // 02:00 CEST
        '2026-10-25T01:00:00.000Z', // 02:00 CET, the repeated hour
        '2026-10-25T02:00:00.000Z', // 03:00 CET
      ]);
    });
  });

  it('still expands on days cron-parser gives up on (Australia/Lord_Howe shifts by 30 minutes)', () => {
    // cron-parser throws "loop limit exceeded" for '0 1 * * *' across 2026-04-05, when Lord Howe falls back from
    // 02:00 (UTC+11) to 01:30 (UTC+10:30). 01:00 exists once that day, at 14:00Z the day before.
    const runs = expandSchedule(
      cron('0 1 * * *', 'Australia/Lord_Howe'),
      at('2026-04-03T00:00:00Z'),
      at('2026-04-06T00:00:00Z'),
    );
    expect(runs.map(iso)).toEqual([
      '2026-04-03T14:00:00.000Z',
      '2026-04-04T14:00:00.000Z',
      '2026-04-05T14:30:00.000Z', // 01:00 at UTC+10:30
    ]);
  });

  it('still expands where cron-parser cycles (Pacific/Chatham falls back from 03:45 to 02:45 on 2026-04-05)', () => {
    // Local 02:45-03:45 happens twice (UTC+13:45, then UTC+12:45). cron-parser, asked for '*/13 * * * */2', returns
    // 12:15Z...13:07Z over and over; those hours are mapped from wall-clock times instead.
    const window = [
      at('2026-04-04T11:00:00Z'),
      at('2026-04-04T16:00:00Z'),
    ] as const;
    const quarter = expandSchedule(
      cron('*/15 * * * *', 'Pacific/Chatham'),
      ...window,
    );
    expect(quarter.length).toBe(20); // every real quarter-hour of the five hours: the repeated hour too
    expect(new Set(quarter).size).toBe(quarter.length);
    expect(quarter).toEqual([...quarter].sort((a, b) => a - b));
    expect(
      expandSchedule(cron('30 3 * * *', 'Pacific/Chatham'), ...window).map(iso),
    ).toEqual(['2026-04-04T13:45:00.000Z']); // 03:30 once, at its first occurrence (UTC+13:45)
    expect(
      expandSchedule(cron('*/13 * * * */2', 'Pacific/Chatham'), ...window)
        .length,
    ).toBeGreaterThan(0);
  });

  it('refuses an invalid expression, naming schedule.expression', () => {
    for (const expression of [
      '',
      'not cron',
      '61 * * * *',
      '0 25 * * *',
      'H 2 * * *',
      '15 0 2 * * *',
    ]) {
      expect(() => expandSchedule(cron(expression), 0, DAY)).toThrow(
        /^schedule\.expression: /,
      );
    }
  });

  it('refuses an unknown time zone, naming schedule.timezone', () => {
    expect(() =>
      expandSchedule(cron('0 2 * * *', 'Mars/Olympus_Mons'), 0, DAY),
    ).toThrow(/^schedule\.timezone: 'Mars\/Olympus_Mons'/);
    expect(() => validateSchedule(cron('0 2 * * *', ''))).toThrow(
      /^schedule\.timezone: /,
    );
  });
});

describe('expandSchedule: interval', () => {
  it('anchors at startAt and never runs before it', () => {
    const schedule: JobSchedule = {
      type: 'interval',
      everyMinutes: 90,
      startAt: '2026-05-01T10:10:00+02:00',
    };
    expect(
      expandSchedule(
        schedule,
        at('2026-05-01T00:00:00Z'),
        at('2026-05-01T12:00:00Z'),
      ).map(iso),
    ).toEqual([
      '2026-05-01T08:10:00.000Z',
      '2026-05-01T09:40:00.000Z',
      '2026-05-01T11:10:00.000Z',
    ]);
  });

  it('anchors at the epoch without startAt', () => {
    const runs = expandSchedule(
      { type: 'interval', everyMinutes: 45 },
      at('2026-05-01T00:00:00Z'),
      at('2026-05-01T03:00:00Z'),
    );
    expect(runs.length).toBe(4);
    for (const t of runs) {
      expect(t % (45 * 60_000)).toBe(0);
    }
  });

  it('refuses bad fields, naming them', () => {
    expect(() =>
      validateSchedule({ type: 'interval', everyMinutes: 0 }),
    ).toThrow(/^schedule\.everyMinutes: /);
    expect(() =>
      validateSchedule({ type: 'interval', everyMinutes: 2.5 }),
    ).toThrow(/^schedule\.everyMinutes: /);
    expect(() =>
      validateSchedule({
        type: 'interval',
        everyMinutes: 5,
        startAt: '2026-05-01T10:00:00',
      }),
    ).toThrow(/^schedule\.startAt: .*offset/);
    expect(() =>
      validateSchedule({
        type: 'interval',
        everyMinutes: 5,
        startAt: 'yesterday',
      }),
    ).toThrow(/^schedule\.startAt: /);
    expect(() =>
      validateSchedule({ type: 'weekly' } as unknown as JobSchedule),
    ).toThrow(/^schedule\.type: /);
  });
});

/**
 * Plain cron-parser iteration, the reference the fast path must match. It starts two days before the window, as a
 * long-running iteration would: around offset changes at local midnight cron-parser's answer depends on where it
 * starts (see expandDayWithCronParser).
 */
function cronParserOracle(
  expression: string,
  timezone: string,
  from: number,
  to: number,
): number[] | 'stuck' {
  const iterator = CronExpressionParser.parse(expression, {
    tz: timezone,
    currentDate: from - 2 * DAY,
    endDate: to,
  });
  const out: number[] = [];
  let last = -Infinity;
  for (;;) {
    let t: number;
    try {
      t = iterator.next().getTime();
    } catch (e) {
      if ((e as Error).message === 'Out of the time span range') {
        return out;
      }
      throw e;
    }
    if (t >= to) {
      return out;
    }
    if (t <= last) {
      return 'stuck'; // cron-parser cycles (Pacific/Chatham's fall-back): no reference to compare with
    }
    last = t;
    if (t >= from) {
      out.push(t);
    }
  }
}

// Zones with DST at 02:00, at midnight (Santiago, Havana), at odd offsets (Chatham), and without DST (Kolkata).
// Not Australia/Lord_Howe: cron-parser itself fails there (see the test below).
const zones = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'America/Santiago',
  'America/Havana',
  'Pacific/Chatham',
  'Asia/Kolkata',
];
// Near 2026's offset changes in those zones, and some ordinary weeks.
const anchors = [
  '2026-03-08T07:00:00Z',
  '2026-03-29T01:00:00Z',
  '2026-04-05T03:00:00Z',
  '2026-04-05T15:00:00Z',
  '2026-09-06T04:00:00Z',
  '2026-10-04T16:00:00Z',
  '2026-10-25T01:00:00Z',
  '2026-11-01T06:00:00Z',
  '2026-06-15T12:00:00Z',
  '2027-01-01T00:00:00Z',
].map(at);

describe('expandSchedule matches cron-parser (differential)', () => {
  it('yields exactly cron-parser’s occurrences, across zones and DST days', () => {
    fc.assert(
      fc.property(
        cronExpression,
        fc.constantFrom(...zones),
        fc.constantFrom(...anchors),
        fc.integer({ min: -3 * 24 * 60, max: 24 * 60 }),
        fc.integer({ min: 1, max: 2 * 24 * 60 }),
        (expression, timezone, anchor, offsetMinutes, lengthMinutes) => {
          const from = anchor + offsetMinutes * 60_000 + 17; // not minute-aligned on purpose
          const to = from + lengthMinutes * 60_000;
          const reference = cronParserOracle(expression, timezone, from, to);
          fc.pre(reference !== 'stuck');
          expect(
            expandSchedule(cron(expression, timezone), from, to).map(iso),
          ).toEqual((reference as number[]).map(iso));
        },
      ),
      { numRuns: 150 },
    );
  });
});
