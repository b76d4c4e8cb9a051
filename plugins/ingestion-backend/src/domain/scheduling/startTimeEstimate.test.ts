import { SliceCalendar } from './sliceCalendar';
import { PendingRun, estimateStartTime } from './startTimeEstimate';

const MIN = 60_000;
const T0 = Date.parse('2026-05-04T10:00:00Z');

function calendar() {
  const c = new SliceCalendar({ now: T0 });
  c.setCapacity('vcore-hours', { cores: 10, memoryMiB: 10_240 });
  c.setCapacity('dedicated', { cores: 8, memoryMiB: 8192 });
  c.setTenantCapacity('group:a', { cores: 4, memoryMiB: 4096 });
  c.setTenantCapacity('group:b', { cores: 4, memoryMiB: 4096 });
  return c;
}
const run: PendingRun = {
  tier: 'vcore-hours',
  tenant: 'group:v',
  demand: { cores: 4, memoryMiB: 1024 },
  durationMs: 30 * MIN,
};
const busy = (
  c: SliceCalendar,
  jobId: string,
  startMs: number,
  minutes: number,
  cores = 8,
) =>
  c.place(jobId, {
    tier: 'vcore-hours',
    tenant: 'group:x',
    demand: { cores, memoryMiB: 1024 },
    occurrences: [{ startMs, durationMs: minutes * MIN }],
  });

describe('estimateStartTime', () => {
  it('is now, on a slice boundary, when there is room', () => {
    expect(estimateStartTime(calendar(), run, T0)).toBe(T0);
  });

  it('is the next slice boundary after now', () => {
    expect(estimateStartTime(calendar(), run, T0 + 7 * MIN)).toBe(
      T0 + 15 * MIN,
    );
  });

  it('is the first start from which every slice of the run has room', () => {
    const c = calendar();
    busy(c, 'x', T0, 60); // 10:00-11:00 full
    busy(c, 'y', T0 + 75 * MIN, 15); // 11:15 full: a 30-minute run cannot start at 11:00
    expect(estimateStartTime(c, run, T0)).toBe(T0 + 90 * MIN);
  });

  it('can leave out the run’s own job', () => {
    const c = calendar();
    busy(c, 'mine', T0, 60);
    expect(estimateStartTime(c, run, T0)).toBe(T0 + 60 * MIN);
    expect(estimateStartTime(c, { ...run, excludeJobId: 'mine' }, T0)).toBe(T0);
  });

  it('uses the tenant’s dedicated units for a dedicated run', () => {
    const c = calendar();
    c.place('b', {
      tier: 'dedicated',
      tenant: 'group:b',
      demand: { cores: 4, memoryMiB: 4096 },
      occurrences: [{ startMs: T0, durationMs: 60 * MIN }],
    });
    const a: PendingRun = { ...run, tier: 'dedicated', tenant: 'group:a' };
    expect(estimateStartTime(c, a, T0)).toBe(T0);
    expect(estimateStartTime(c, { ...a, tenant: 'group:b' }, T0)).toBe(
      T0 + 60 * MIN,
    );
  });

  it('is undefined when nothing fits within the horizon', () => {
    expect(
      estimateStartTime(
        calendar(),
        { ...run, demand: { cores: 11, memoryMiB: 1 } },
        T0,
      ),
    ).toBeUndefined();
    const c = calendar();
    busy(c, 'all-week', T0, 7 * 24 * 60);
    expect(estimateStartTime(c, run, T0)).toBeUndefined();
  });
});
