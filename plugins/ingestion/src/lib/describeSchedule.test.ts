import { describeSchedule } from './describeSchedule';

const cron = (expression: string, timezone = 'UTC') =>
  describeSchedule({ type: 'cron', expression, timezone });
const every = (everyMinutes: number, startAt?: string) =>
  describeSchedule({ type: 'interval', everyMinutes, startAt });

describe('describeSchedule', () => {
  it('says intervals in the largest whole unit', () => {
    expect(every(1)).toBe('every minute');
    expect(every(15)).toBe('every 15 minutes');
    expect(every(60)).toBe('every hour');
    expect(every(90)).toBe('every 90 minutes');
    expect(every(120)).toBe('every 2 hours');
    expect(every(1440)).toBe('every day');
    expect(every(2880)).toBe('every 2 days');
  });

  it('says when an anchored interval starts', () => {
    expect(every(60, '2026-05-01T10:00:00Z')).toMatch(
      /^every hour from 1 May 2026, \d{2}:00$/,
    );
  });

  it('says the common cron shapes in words, with the zone of clock times', () => {
    expect(cron('0 2 * * *')).toBe('every day at 02:00 (UTC)');
    expect(cron('30 6 * * 1-5', 'Europe/Berlin')).toBe(
      'every weekday at 06:30 (Europe/Berlin)',
    );
    expect(cron('0 9 * * MON,FRI')).toBe(
      'every Monday and Friday at 09:00 (UTC)',
    );
    expect(cron('0 9 * * 6,0')).toBe(
      'every Saturday and Sunday at 09:00 (UTC)',
    );
    expect(cron('0 0,12 * * *')).toBe('every day at 00:00 and 12:00 (UTC)');
    expect(cron('15 3 1 * *')).toBe('every month on day 1 at 03:15 (UTC)');
    expect(cron('0 * * * *')).toBe('every hour');
    expect(cron('20 * * * *')).toBe('every hour at 20 past');
    expect(cron('*/15 * * * *')).toBe('every 15 minutes');
    expect(cron('0 */6 * * *')).toBe('every 6 hours');
    expect(cron('* * * * *')).toBe('every minute');
  });

  it('gives other cron expressions as they are, with their zone', () => {
    expect(cron('5 4 1-7 * 1', 'America/New_York')).toBe(
      'cron 5 4 1-7 * 1 (America/New_York)',
    );
    expect(cron('0 2 * 6 *')).toBe('cron 0 2 * 6 * (UTC)');
    expect(cron('0 2 * * 5-1')).toBe('cron 0 2 * * 5-1 (UTC)');
  });
});
