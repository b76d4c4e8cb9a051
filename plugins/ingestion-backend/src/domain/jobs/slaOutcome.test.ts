import { IngestionRun } from '@internal/backstage-plugin-ingestion-common';
import { slaOutcome } from './slaOutcome';

const run = (state: IngestionRun['state'], minutes?: number): IngestionRun =>
  ({
    state,
    startedAt: '2026-03-01T10:00:00.000Z',
    ...(minutes !== undefined && {
      finishedAt: new Date(
        Date.parse('2026-03-01T10:00:00Z') + minutes * 60_000,
      ).toISOString(),
    }),
  } as IngestionRun);

describe('slaOutcome', () => {
  it('judges succeeded runs by duration against the SLA', () => {
    expect(slaOutcome(run('succeeded', 30), 30)).toBe(true);
    expect(slaOutcome(run('succeeded', 31), 30)).toBe(false);
  });
  it('counts a failed run as missed and leaves runs without an outcome unjudged', () => {
    expect(slaOutcome(run('failed', 3), 30)).toBe(false);
    expect(slaOutcome(run('cancelled', 3), 30)).toBeUndefined();
    expect(slaOutcome(run('running'), 30)).toBeUndefined();
  });
});
