import { ingestionRun } from '../testing/jobFixtures';
import { runDurationMs, slaCompliance, slaOutcome } from './runSla';

const MINUTE = 60_000;

describe('runSla', () => {
  it('takes the measured duration, else start to end, else none', () => {
    expect(runDurationMs(ingestionRun())).toBe(18 * MINUTE);
    expect(
      runDurationMs(
        ingestionRun({
          metrics: undefined,
          startedAt: '2026-11-26T02:00:00.000Z',
          finishedAt: '2026-11-26T02:05:00.000Z',
        }),
      ),
    ).toBe(5 * MINUTE);
    expect(
      runDurationMs(
        ingestionRun({
          state: 'running',
          metrics: undefined,
          finishedAt: undefined,
        }),
      ),
    ).toBeUndefined();
  });

  it('shows the service’s verdict, and none for runs it has not judged', () => {
    expect(slaOutcome(ingestionRun({ slaMet: true }))).toBe('met');
    expect(slaOutcome(ingestionRun({ state: 'failed', slaMet: false }))).toBe(
      'missed',
    );
    expect(
      slaOutcome(ingestionRun({ state: 'cancelled', slaMet: undefined })),
    ).toBe(undefined);
    expect(
      slaOutcome(ingestionRun({ state: 'running', slaMet: undefined })),
    ).toBe(undefined);
  });

  it('counts the compliance of the runs that have an outcome', () => {
    const runs = [
      ingestionRun({ slaMet: true }),
      ingestionRun({ state: 'failed', slaMet: false }),
      ingestionRun({ state: 'queued', slaMet: undefined }),
      ingestionRun({ slaMet: true }),
    ];
    expect(slaCompliance(runs)).toEqual({ met: 2, judged: 3, rate: 2 / 3 });
    expect(slaCompliance([])).toEqual({ met: 0, judged: 0 });
  });
});
