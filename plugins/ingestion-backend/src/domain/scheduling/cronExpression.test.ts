import {
  assertTimeZone,
  cronOccurrences,
  parseCronExpression,
} from './cronExpression';

describe('parseCronExpression', () => {
  it('reads the times of day and the day fields of a cron expression', () => {
    const cron = parseCronExpression('15,45 2-3 * * 1-5');
    expect(cron.minutes).toEqual([15, 45]);
    expect(cron.hours).toEqual([2, 3]);
    expect(cron.minutesOfDay).toEqual([135, 165, 195, 225]);
    expect(cron.dayOfWeek).toBe('1-5');
    expect(cron.daysOfWeek).toEqual([1, 2, 3, 4, 5]);
    expect(cron.everyDay).toBe(false);
    expect(cron.dayOfMonthWildcard).toBe(true);
  });

  it('expands aliases and notes whether it runs every day', () => {
    expect(parseCronExpression('@daily')).toMatchObject({
      minutesOfDay: [0],
      everyDay: true,
    });
    expect(parseCronExpression('@weekly')).toMatchObject({
      dayOfWeek: '0',
      everyDay: false,
    });
  });

  it('has no plain days of week with L or #', () => {
    expect(parseCronExpression('0 0 * * 5L').daysOfWeek).toBeUndefined();
    expect(parseCronExpression('0 0 * * 5#2').daysOfWeek).toBeUndefined();
    expect(parseCronExpression('0 0 * * 7').daysOfWeek).toEqual([0]);
  });

  it.each([
    ['', /must be a non-empty/],
    ['   ', /must be a non-empty/],
    ['banana * * * *', /not a valid cron expression/],
    ['banana', /five fields/],
    ['0 24 * * *', /not a valid cron expression/],
    ['0 0 30 2 *', /not a valid cron expression/],
    ['H 2 * * *', /'H' \(hashed\) values are not supported/],
    ['0 H(0-3) * * *', /'H'/],
    ['30 0 2 * * *', /five fields/],
    ['0 0 2 * * *', /five fields/],
    ['0 2 * *', /five fields/],
    ['@secondly', /seconds other than 0/],
  ])('refuses %p, naming schedule.expression', (expression, message) => {
    expect(() => parseCronExpression(expression)).toThrow(
      /^schedule\.expression: /,
    );
    expect(() => parseCronExpression(expression)).toThrow(message);
  });

  it('accepts day names, which contain an h', () => {
    expect(parseCronExpression('0 0 * * thu').daysOfWeek).toEqual([4]);
  });
});

describe('assertTimeZone', () => {
  it('accepts IANA names', () => {
    expect(() => assertTimeZone('Europe/Berlin')).not.toThrow();
    expect(() => assertTimeZone('UTC')).not.toThrow();
  });

  it.each(['Europe/Atlantis', '', 'CEST+1'])(
    'refuses %p, naming schedule.timezone',
    tz => {
      expect(() => assertTimeZone(tz)).toThrow(/^schedule\.timezone: /);
    },
  );
});

describe('cronOccurrences', () => {
  it('lists cron-parser occurrences in [from, to), from included', () => {
    const from = Date.parse('2026-02-27T00:00:00Z');
    expect(
      cronOccurrences('0 0 29 2 *', 'UTC', from, from + 3 * 86_400_000),
    ).toEqual([]); // stops at the end of the range instead of searching for 2028-02-29
    expect(
      cronOccurrences('0 0 * * *', 'UTC', from, from + 2 * 86_400_000).map(t =>
        new Date(t).toISOString(),
      ),
    ).toEqual(['2026-02-27T00:00:00.000Z', '2026-02-28T00:00:00.000Z']);
  });
});
