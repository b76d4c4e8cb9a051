import fc from 'fast-check';
import { CAPACITY_ALERT_THRESHOLD } from './capacityThreshold';
import { advisePurchase } from './purchaseAdvice';
import { DAY_MS } from './usageBuckets';

const day0 = Date.UTC(2026, 11, 1);
const days = (n: number) =>
  Array.from({ length: n }, (_, i) => day0 + i * DAY_MS);

describe('advisePurchase', () => {
  it('buys nothing while the bound stays at or under 80%', () => {
    expect(advisePurchase({ days: days(3), upper: [4, 8, 7.99] }, 10)).toEqual({
      sparkUnitsToBuy: 0,
      steps: [],
    });
  });

  it('buys the fewest units, each step due the first day the units before it run short', () => {
    // 8.1 needs 11 units (8.1 / 0.8 = 10.125), 9.7 needs 13 (12.125).
    const advice = advisePurchase(
      { days: days(5), upper: [7, 8.1, 8.0, 9.7, 9] },
      10,
    );
    expect(advice).toEqual({
      sparkUnitsToBuy: 3,
      neededBy: day0 + DAY_MS,
      steps: [
        {
          neededBy: day0 + DAY_MS,
          additionalSparkUnits: 1,
          totalSparkUnits: 11,
        },
        {
          neededBy: day0 + 3 * DAY_MS,
          additionalSparkUnits: 2,
          totalSparkUnits: 13,
        },
      ],
    });
    console.log(
      `purchase advice for a 10-unit namespace, bound peaking at 9.7 units: buy ${advice.sparkUnitsToBuy} (1 by day 1, 2 more by day 3)`,
    );
  });

  it('is the smallest purchase that keeps every day under the threshold (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 500, noNaN: true }), {
          minLength: 1,
          maxLength: 90,
        }),
        fc.integer({ min: 0, max: 400 }),
        (upper, held) => {
          const { sparkUnitsToBuy } = advisePurchase(
            { days: days(upper.length), upper },
            held,
          );
          const fits = (units: number) =>
            upper.every(
              u => u <= CAPACITY_ALERT_THRESHOLD * units * (1 + 1e-9) + 1e-9,
            );
          expect(fits(held + sparkUnitsToBuy)).toBe(true);
          // One unit fewer would not do, unless nothing was to be bought.
          expect(
            sparkUnitsToBuy === 0 || !fits(held + sparkUnitsToBuy - 1),
          ).toBe(true);
        },
      ),
    );
  });
});
