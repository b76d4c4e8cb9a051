import { checkRegistryChange } from './registryChange';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-03-01T08:00:00Z');
const unit = { cores: 4, memoryGiB: 16 };
const day = (quantity: number, startHours = 0) => ({
  quantity,
  validFrom: NOW + startHours * HOUR,
  validUntil: NOW + (startHours + 24) * HOUR,
});
const base = {
  sparkUnitSize: unit,
  dedicatedSold: [],
  vcpuHoursSold: [],
  vcpuHourOversubscription: 1,
  now: NOW,
};

describe('checkRegistryChange', () => {
  it('keeps a Spark Unit for every dedicated unit valid at any instant from now on', () => {
    const dedicatedSold = [day(3), day(2, 12), day(4, -48)]; // the last one has expired
    expect(
      checkRegistryChange({
        ...base,
        tier: 'dedicated',
        sparkUnits: 5,
        dedicatedSold,
      }),
    ).toEqual({ ok: true });
    expect(
      checkRegistryChange({
        ...base,
        tier: 'dedicated',
        sparkUnits: 4,
        dedicatedSold,
      }),
    ).toEqual({
      ok: false,
      reason:
        'Cannot reduce the dedicated namespace to 4 Spark Units: 5 Dedicated Ingestion Units are sold and still valid',
    });
  });

  it('keeps the cores the vCPU-hours sold need on average, with the oversubscription allowed', () => {
    // 480 vCPU-hours over a day: 20 cores on average, i.e. 5 units of 4 cores, or 3 at 2× oversubscription.
    const vcpuHoursSold = [day(480)];
    const check = (sparkUnits: number, vcpuHourOversubscription = 1) =>
      checkRegistryChange({
        ...base,
        tier: 'vcore-hours',
        sparkUnits,
        vcpuHoursSold,
        vcpuHourOversubscription,
      });
    expect(check(5)).toEqual({ ok: true });
    expect(check(4)).toEqual({
      ok: false,
      reason:
        'Cannot reduce the vcore-hours namespace to 4 Spark Units: the vCPU-hours sold and still valid need 20.00 cores on average at their peak, so it needs at least 5 Spark Units',
    });
    expect(check(3, 2)).toEqual({ ok: true });
    expect(check(2, 2).ok).toBe(false);
  });

  it('lets the draft namespace change freely: nothing is sold in it', () => {
    expect(
      checkRegistryChange({
        ...base,
        tier: 'draft',
        sparkUnits: 0,
        dedicatedSold: [day(8)],
        vcpuHoursSold: [day(700)],
      }),
    ).toEqual({ ok: true });
  });
});
