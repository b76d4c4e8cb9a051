import {
  rebuildCalendar,
  reservationFor,
  runsOverlapping,
} from './reservation';

const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);

describe('runsOverlapping', () => {
  it('includes a run started before the window that is still running', () => {
    const runs = runsOverlapping(
      { type: 'interval', everyMinutes: 60 },
      30 * MIN,
      at('2026-05-04T10:10:00Z'),
      at('2026-05-04T12:00:00Z'),
    );
    expect(runs.map(r => new Date(r.startMs).toISOString())).toEqual([
      '2026-05-04T10:00:00.000Z',
      '2026-05-04T11:00:00.000Z',
    ]);
    expect(runs[0].durationMs).toBe(30 * MIN);
  });

  it('leaves out a run that ended exactly when the window starts', () => {
    const runs = runsOverlapping(
      { type: 'interval', everyMinutes: 60 },
      30 * MIN,
      at('2026-05-04T10:30:00Z'),
      at('2026-05-04T11:00:00Z'),
    );
    expect(runs).toEqual([]);
  });

  it('refuses a non-positive duration, naming it', () => {
    expect(() =>
      runsOverlapping({ type: 'interval', everyMinutes: 60 }, 0, 0, MIN),
    ).toThrow(/^expectedDurationMs: /);
  });
});

describe('reservationFor', () => {
  it('carries the job’s tier, tenant and demand', () => {
    const reservation = reservationFor(
      {
        jobId: 'j',
        tier: 'draft',
        tenant: 'group:a',
        demand: { cores: 2, memoryMiB: 2048 },
        schedule: { type: 'cron', expression: '0 3 * * *', timezone: 'UTC' },
        expectedDurationMs: 20 * MIN,
      },
      { fromMs: at('2026-05-04T00:00:00Z'), toMs: at('2026-05-06T00:00:00Z') },
    );
    expect(reservation).toEqual({
      tier: 'draft',
      tenant: 'group:a',
      demand: { cores: 2, memoryMiB: 2048 },
      occurrences: [
        { startMs: at('2026-05-04T03:00:00Z'), durationMs: 20 * MIN },
        { startMs: at('2026-05-05T03:00:00Z'), durationMs: 20 * MIN },
      ],
    });
  });
});

describe('rebuildCalendar', () => {
  it('places every job over the horizon, even beyond capacity', () => {
    const calendar = rebuildCalendar(
      { now: at('2026-05-04T00:00:00Z') },
      {
        tiers: {
          dedicated: { cores: 8, memoryMiB: 8192 },
          'vcore-hours': { cores: 4, memoryMiB: 8192 },
        },
        tenants: { 'group:a': { cores: 8, memoryMiB: 8192 } },
      },
      [
        {
          jobId: 'v1',
          tier: 'vcore-hours',
          tenant: 'group:v',
          demand: { cores: 3, memoryMiB: 1024 },
          schedule: { type: 'cron', expression: '0 1 * * *', timezone: 'UTC' },
          expectedDurationMs: 15 * MIN,
        },
        {
          jobId: 'v2',
          tier: 'vcore-hours',
          tenant: 'group:w',
          demand: { cores: 3, memoryMiB: 1024 },
          schedule: {
            type: 'interval',
            everyMinutes: 1440,
            startAt: '2026-05-01T01:00:00Z',
          },
          expectedDurationMs: 15 * MIN,
        },
        {
          jobId: 'd1',
          tier: 'dedicated',
          tenant: 'group:a',
          demand: { cores: 2, memoryMiB: 1024 },
          schedule: { type: 'interval', everyMinutes: 720 },
          expectedDurationMs: 60 * MIN,
        },
      ],
    );
    expect(calendar.tenantCapacity('group:a')).toEqual({
      cores: 8,
      memoryMiB: 8192,
    });
    expect(
      calendar.committed('vcore-hours', at('2026-05-05T01:00:00Z')).cores,
    ).toBe(6);
    expect(
      calendar.tenantCommitted('group:a', at('2026-05-05T12:45:00Z')).cores,
    ).toBe(2);
    expect(calendar.overcommittedSlices()).toHaveLength(7);
  });
});
