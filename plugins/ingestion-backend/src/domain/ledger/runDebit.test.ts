import { coreHoursHeld, runDebitKey, vcpuHoursOf } from './runDebit';

describe('vcpuHoursOf', () => {
  it('charges allocated cores times duration', () => {
    expect(
      vcpuHoursOf({
        runId: 'r1',
        allocatedCores: 6,
        startedAt: 0,
        finishedAt: 30 * 60_000,
        opportunistic: false,
      }),
    ).toBe(3);
  });
  it('charges nothing for a run on borrowed capacity', () => {
    expect(
      vcpuHoursOf({
        runId: 'r2',
        allocatedCores: 6,
        startedAt: 0,
        finishedAt: 3_600_000,
        opportunistic: true,
      }),
    ).toBe(0);
  });
  it('refuses impossible runs', () => {
    expect(() =>
      vcpuHoursOf({
        runId: 'r3',
        allocatedCores: 2,
        startedAt: 10,
        finishedAt: 5,
        opportunistic: false,
      }),
    ).toThrow(/finishedAt is before startedAt/);
  });
  it('keys a debit by run so it is recorded once', () => {
    expect(runDebitKey('r1')).toBe(runDebitKey('r1'));
    expect(runDebitKey('r1')).not.toBe(runDebitKey('r2'));
  });
});

describe('coreHoursHeld', () => {
  it('records what an opportunistic run held although it is charged nothing', () => {
    const run = {
      runId: 'r4',
      allocatedCores: 4,
      startedAt: 0,
      finishedAt: 90 * 60_000,
      opportunistic: true,
    };
    expect(vcpuHoursOf(run)).toBe(0);
    expect(coreHoursHeld(run)).toBe(6);
  });
});
