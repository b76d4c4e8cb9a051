import { ingestionRun } from '../testing/jobFixtures';
import { runChartPoints } from './runChartPoints';

describe('runChartPoints', () => {
  it('keeps the latest finished runs with a duration, oldest first', () => {
    const runs = [
      ingestionRun({ id: 'queued', state: 'queued', metrics: undefined }),
      ingestionRun({
        id: 'newest',
        startedAt: '2026-11-27T02:00:00.000Z',
        metrics: { ...ingestionRun().metrics!, durationMs: 45 * 60_000 },
        slaMet: false,
      }),
      ingestionRun({ id: 'cancelled', state: 'cancelled' }),
      ingestionRun({
        id: 'failed',
        state: 'failed',
        startedAt: '2026-11-26T02:00:00.000Z',
        finishedAt: '2026-11-26T02:03:00.000Z',
        metrics: undefined,
        slaMet: false,
      }),
      ingestionRun({ id: 'oldest', startedAt: '2026-11-25T02:00:00.000Z' }),
    ];

    const points = runChartPoints(runs, 2);

    expect(points.map(p => [p.runId, p.durationMinutes, p.sla])).toEqual([
      ['failed', 3, 'missed'],
      ['newest', 45, 'missed'],
    ]);
    expect(points[1].recordsIn).toBe(4_200_000);
    expect(points[0].recordsIn).toBeUndefined();
    expect(runChartPoints(runs, 10).map(p => p.runId)).toEqual([
      'oldest',
      'failed',
      'newest',
    ]);
  });
});
