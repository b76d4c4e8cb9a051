import { tenantGrowth } from './growth';
import { DAY_MS } from './usageBuckets';

const today = Date.UTC(2026, 11, 3);

describe('tenantGrowth', () => {
  it('compares the rolling 30 days with the 30 before and fits the slope of the last 30', () => {
    const daily = [];
    // The previous window: 10 core-hours a day. The last window: 10 + 1 per day (10, 11, ... 39).
    for (let i = 60; i >= 31; i--)
      daily.push({ day: today - i * DAY_MS, coreHours: 10 });
    for (let i = 30; i >= 1; i--)
      daily.push({ day: today - i * DAY_MS, coreHours: 10 + (30 - i) });
    const growth = tenantGrowth('group:default/team-orion', daily, today);
    expect(growth.previous30DaysCoreHours).toBe(300);
    expect(growth.last30DaysCoreHours).toBe(300 + 435);
    expect(growth.growthRate).toBeCloseTo(735 / 300 - 1, 10);
    expect(growth.trendCoreHoursPerDay).toBeCloseTo(1, 10);
  });

  it('has no growth rate for a tenant new in the last 30 days, and ignores today', () => {
    const growth = tenantGrowth(
      't',
      [
        { day: today - DAY_MS, coreHours: 5 },
        { day: today, coreHours: 100 },
      ],
      today,
    );
    expect(growth.last30DaysCoreHours).toBe(5);
    expect(growth.growthRate).toBeUndefined();
  });
});
