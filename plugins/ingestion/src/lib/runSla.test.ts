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

  it('judges succeeded runs by their duration, failed ones as missed, others not at all', () => {
    expect(slaOutcome(ingestionRun(), 18)).toBe('met');
    expect(slaOutcome(ingestionRun(), 17)).toBe('missed');
    expect(slaOutcome(ingestionRun({ state: 'failed' }), 30)).toBe('missed');
    expect(slaOutcome(ingestionRun({ state: 'cancelled' }), 30)).toBe(
      undefined,
    );
    expect(slaOutcome(ingestionRun({ state: 'running' }), 30)).toBe(undefined);
  });

  it('prefers the service’s own verdict', () => {
    expect(slaOutcome(ingestionRun({ slaMet: false }), 30)).toBe('missed');
  });

  it('counts the compliance of the runs that have an outcome', () => {
    const runs = [
      ingestionRun(),
      ingestionRun({ state: 'failed' }),
      ingestionRun({ state: 'queued' }),
      ingestionRun({ metrics: { ...ingestionRun().metrics!, durationMs: 0 } }),
    ];
    expect(slaCompliance(runs, 30)).toEqual({ met: 2, judged: 3, rate: 2 / 3 });
    expect(slaCompliance([], 30)).toEqual({ met: 0, judged: 0 });
  });
});
