import { syntheticDemand } from './syntheticDemand';

const shape = {
  days: 700,
  base: 10,
  trendPerDay: 0.05,
  weekly: [1, 1, 1, 1, 1, 0.5, 0.5],
  noise: 0.1,
  seed: 7,
};

describe('syntheticDemand', () => {
  it('is reproducible from its seed and different for another', () => {
    expect(syntheticDemand(shape)).toEqual(syntheticDemand(shape));
    expect(syntheticDemand({ ...shape, seed: 8 })).not.toEqual(
      syntheticDemand(shape),
    );
  });

  it('carries the trend and the weekly pattern it was given', () => {
    const series = syntheticDemand(shape);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const weekdays = series.filter((_, t) => t % 7 < 5);
    const weekends = series.filter((_, t) => t % 7 >= 5);
    // Weekends at half the weekdays' demand, within the noise.
    expect(mean(weekends) / mean(weekdays)).toBeCloseTo(0.5, 1);
    // Last 10 weeks against the first 10: the trend adds 0.05 x 630 days = 31.5 on a weekday.
    const first = mean(weekdays.slice(0, 50));
    const last = mean(weekdays.slice(-50));
    expect(last - first).toBeGreaterThan(28);
    expect(last - first).toBeLessThan(35);
    expect(Math.min(...series)).toBeGreaterThanOrEqual(0);
  });
});
