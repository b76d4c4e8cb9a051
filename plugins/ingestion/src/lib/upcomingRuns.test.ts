import { upcomingRuns } from './upcomingRuns';

const at = (iso: string) => Date.parse(iso);
const iso = (times: number[]) => times.map(t => new Date(t).toISOString());

describe('upcomingRuns', () => {
  it('steps an interval from its anchor, never before it', () => {
    const schedule = {
      type: 'interval' as const,
      everyMinutes: 90,
      startAt: '2026-11-27T10:00:00Z',
    };
    expect(iso(upcomingRuns(schedule, at('2026-11-27T12:00:00Z'), 2))).toEqual([
      '2026-11-27T13:00:00.000Z',
      '2026-11-27T14:30:00.000Z',
    ]);
    expect(iso(upcomingRuns(schedule, at('2026-11-26T00:00:00Z'), 1))).toEqual([
      '2026-11-27T10:00:00.000Z',
    ]);
  });

  it('anchors an interval without a start at the epoch', () => {
    const schedule = { type: 'interval' as const, everyMinutes: 60 };
    expect(iso(upcomingRuns(schedule, at('2026-11-27T12:20:00Z'), 1))).toEqual([
      '2026-11-27T13:00:00.000Z',
    ]);
  });

  it('expands cron in its time zone, including a start exactly at `from`', () => {
    const schedule = {
      type: 'cron' as const,
      expression: '0 2 * * *',
      timezone: 'Europe/Berlin',
    };
    expect(iso(upcomingRuns(schedule, at('2026-11-27T01:00:00Z'), 2))).toEqual([
      '2026-11-27T01:00:00.000Z',
      '2026-11-28T01:00:00.000Z',
    ]);
  });

  it('gives nothing for an expression it cannot read', () => {
    expect(
      upcomingRuns(
        { type: 'cron', expression: 'not cron', timezone: 'UTC' },
        0,
        3,
      ),
    ).toEqual([]);
  });
});
