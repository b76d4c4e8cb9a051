import { dailySparkUnitDemand, utcDayStart } from './sparkUnitDemand';
import { DAY_MS } from './usageBuckets';

const day0 = Date.UTC(2026, 10, 2);
const unit = { cores: 4, memoryGiB: 16 };

describe('dailySparkUnitDemand', () => {
  it('measures each day in Spark Units on the resource that binds first, with empty days at zero', () => {
    const series = dailySparkUnitDemand(
      [
        // 96 core-hours = 1 unit all day on cores; memory 192 GiB-hours = half a unit.
        { day: day0, coreHours: 96, memoryGiBHours: 192 },
        // Memory binds: 768 GiB-hours = 2 units, cores only 0.5.
        { day: day0 + 2 * DAY_MS, coreHours: 48, memoryGiBHours: 768 },
      ],
      unit,
      { fromDay: day0, toDay: day0 + 2 * DAY_MS },
    );
    expect(series.map(p => p.sparkUnits)).toEqual([1, 0, 2]);
  });

  it('sums tenants of the same day', () => {
    const series = dailySparkUnitDemand(
      [
        { day: day0, coreHours: 48, memoryGiBHours: 0 },
        { day: day0, coreHours: 48, memoryGiBHours: 0 },
      ],
      unit,
      { fromDay: day0, toDay: day0 },
    );
    expect(series).toEqual([{ day: day0, sparkUnits: 1 }]);
  });
});

describe('utcDayStart', () => {
  it('is the start of the UTC day', () => {
    expect(utcDayStart(day0 + DAY_MS - 1)).toBe(day0);
    expect(utcDayStart(day0 + DAY_MS)).toBe(day0 + DAY_MS);
  });
});
