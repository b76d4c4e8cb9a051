import { isPastTimeLimit, runTimeLimitMs } from './runTimeLimit';

describe('run time limit', () => {
  it('is the SLA times the configured multiple', () => {
    expect(runTimeLimitMs(20, 2)).toBe(40 * 60_000);
    expect(runTimeLimitMs(45, 1.5)).toBe(67.5 * 60_000);
  });

  it('is reached at the limit, not before', () => {
    const limit = runTimeLimitMs(20, 2);
    expect(isPastTimeLimit(0, limit - 1, limit)).toBe(false);
    expect(isPastTimeLimit(0, limit, limit)).toBe(true);
  });
});
