import { sizeFromTimeline } from './sizeFromTimeline';
import { TaskTimeline } from './taskTimeline';

/** A run recorded on 2 slots: 30 s of driver time and one stage of 24 tasks of 10 s (120 s on 2 slots). */
const timeline: TaskTimeline = {
  appStartMs: 0,
  appEndMs: 150_000,
  recordedCores: 2,
  jobGroups: [
    {
      startMs: 20_000,
      endMs: 140_000,
      stages: [new Array(24).fill(10_000)],
    },
  ],
  gaps: [],
};
const prices = { currency: 'EUR', dedicatedUnitPerMonth: 200, vcpuHour: 0.1 };
const unit = { cores: 4, memoryGiB: 16 };

describe('sizeFromTimeline', () => {
  it('recommends the smallest size whose replay meets the SLA, priced both ways', () => {
    const sizing = sizeFromTimeline({
      timeline,
      slaMinutes: 1.5,
      sparkUnitSize: unit,
      prices,
      runsPerMonth: 100,
    });
    // 1 unit: 1 executor × 2 cores = 2 slots, 150 s; 2 units: 3 × 2 = 6 slots, 30 s + 40 s = 70 s.
    expect(sizing.sizes[0]).toMatchObject({
      ingestionUnits: 1,
      taskSlots: 2,
      predictedMinutes: 2.5,
      meetsSla: false,
    });
    expect(sizing.recommendation).toMatchObject({
      ingestionUnits: 2,
      taskSlots: 6,
      meetsSla: true,
    });
    expect(sizing.recommendation.predictedMinutes).toBeCloseTo(70 / 60, 6);
    expect(sizing.cost.dedicated.amount).toBe(400);
    expect(sizing.cost.vcpuHours.amount).toBeCloseTo(
      100 * sizing.recommendation.cores * (70 / 3600) * 0.1,
      2,
    );
  });

  it('offers the fastest size, flagged, when none meets the SLA', () => {
    const sizing = sizeFromTimeline({
      timeline,
      slaMinutes: 0.2,
      sparkUnitSize: unit,
      prices,
    });
    expect(sizing.recommendation.meetsSla).toBe(false);
    // Past 24 slots every task has its own: no size is faster than the first that reaches 24.
    const fastest = Math.min(...sizing.sizes.map(s => s.predictedMinutes));
    expect(sizing.recommendation.predictedMinutes).toBe(fastest);
    expect(sizing.recommendation.taskSlots).toBeGreaterThanOrEqual(24);
    expect(
      sizing.sizes.filter(s => s.predictedMinutes === fastest)[0]
        .ingestionUnits,
    ).toBe(sizing.recommendation.ingestionUnits);
  });
});
