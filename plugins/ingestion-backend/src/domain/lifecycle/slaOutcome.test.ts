import { slaOutcome } from './slaOutcome';

const run = (state: string, minutes?: number) => ({
  state,
  startedAt: '2026-03-01T10:00:00.000Z',
  ...(minutes !== undefined && {
    finishedAt: new Date(
      Date.parse('2026-03-01T10:00:00Z') + minutes * 60_000,
    ).toISOString(),
  }),
});

describe('slaOutcome', () => {
  it('judges succeeded runs by duration against the SLA, with the overrun as a fraction of it', () => {
    expect(slaOutcome(run('succeeded', 30), 30)).toEqual({
      met: true,
      overrun: 0,
      durationMs: 30 * 60_000,
    });
    expect(slaOutcome(run('succeeded', 36), 30)).toMatchObject({
      met: false,
      overrun: 0.2,
    });
  });

  it('counts a failed run as missed and leaves runs without an outcome unjudged', () => {
    expect(slaOutcome(run('failed', 3), 30)).toEqual({ met: false });
    expect(slaOutcome(run('cancelled', 3), 30)).toBeUndefined();
    expect(slaOutcome(run('running'), 30)).toBeUndefined();
  });
});
