import { expectedDurationMs } from './expectedDuration';

const MIN = 60_000;

describe('expectedDurationMs', () => {
  it('uses the tenant’s estimate until a run is measured', () => {
    expect(expectedDurationMs(25, [])).toBe(25 * MIN);
  });

  it('takes the p90 of the last 10 measured runs (nearest rank: the 9th smallest)', () => {
    const measured = [10, 11, 12, 13, 14, 15, 16, 17, 18, 60].map(m => m * MIN);
    expect(expectedDurationMs(5, measured)).toBe(18 * MIN); // the one-off 60 does not count
  });

  it('only looks at the last 10', () => {
    const old = Array(20).fill(100 * MIN);
    const recent = [20, 21, 22, 23, 24, 25, 26, 27, 28, 29].map(m => m * MIN);
    expect(expectedDurationMs(5, [...old, ...recent])).toBe(28 * MIN);
  });

  it('with fewer runs, the p90 of those', () => {
    expect(expectedDurationMs(5, [30 * MIN])).toBe(30 * MIN);
    expect(expectedDurationMs(5, [10 * MIN, 40 * MIN, 20 * MIN])).toBe(
      40 * MIN,
    );
  });

  it('never goes below the median when a lower percentile is configured', () => {
    const measured = [10, 20, 30, 40, 50].map(m => m * MIN);
    expect(expectedDurationMs(5, measured, { percentile: 0.2 })).toBe(30 * MIN);
    expect(expectedDurationMs(5, measured, { percentile: 1 })).toBe(50 * MIN);
    expect(expectedDurationMs(5, measured, { window: 2 })).toBe(50 * MIN);
  });

  it('refuses bad input, naming it', () => {
    expect(() => expectedDurationMs(0, [])).toThrow(
      /^estimates\.expectedDurationMinutes: /,
    );
    expect(() => expectedDurationMs(5, [MIN, -1])).toThrow(
      /^measuredDurationsMs\[1\]: /,
    );
    expect(() => expectedDurationMs(5, [], { window: 0 })).toThrow(/^window: /);
    expect(() => expectedDurationMs(5, [], { percentile: 0 })).toThrow(
      /^percentile: /,
    );
  });
});
