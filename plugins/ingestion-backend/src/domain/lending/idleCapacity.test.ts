import {
  DedicatedUse,
  IdleWindow,
  NOT_IDLE,
  idleShare,
  isLending,
  lendableCapacity,
  observeIdle,
} from './idleCapacity';
import { DEFAULT_LENDING_POLICY } from './lendingPolicy';

const MIN = 60_000;
const T0 = Date.parse('2026-03-02T10:00:00Z');
const policy = DEFAULT_LENDING_POLICY;

function use(ownedCores: number, lentCores = 0): DedicatedUse {
  return {
    capacity: { cores: 10, memoryMiB: 40 * 1024 },
    owned: { cores: ownedCores, memoryMiB: ownedCores * 4 * 1024 },
    lent: { cores: lentCores, memoryMiB: lentCores * 4 * 1024 },
  };
}

/** Observes the namespace once a minute, from T0, holding `owned[i]` cores in minute i. */
function observeEveryMinute(owned: number[]): {
  window: IdleWindow;
  now: number;
} {
  let window = NOT_IDLE;
  let now = T0;
  owned.forEach((cores, minute) => {
    now = T0 + minute * MIN;
    window = observeIdle(window, use(cores), now, policy);
  });
  return { window, now };
}

describe('idle dedicated capacity (20% for 5 minutes)', () => {
  it('measures idleness on the scarcer of cores and memory', () => {
    expect(idleShare(use(7))).toBeCloseTo(0.3);
    expect(
      idleShare({
        ...use(2),
        owned: { cores: 2, memoryMiB: 38 * 1024 },
      }),
    ).toBeCloseTo(0.05);
  });

  it('does not count lent capacity as used: lending never ends its own idle window', () => {
    expect(idleShare(use(2, 8))).toBeCloseTo(0.8);
  });

  it('lends nothing before the namespace has been idle for more than 5 minutes', () => {
    const { window, now } = observeEveryMinute([7, 7, 7, 7, 7, 7]);
    expect(now - T0).toBe(5 * MIN);
    expect(isLending(window, now, policy)).toBe(false);
    expect(lendableCapacity(window, use(7), now, policy)).toEqual({
      cores: 0,
      memoryMiB: 0,
    });
    const later = now + 1;
    expect(isLending(window, later, policy)).toBe(true);
    expect(lendableCapacity(window, use(7), later, policy)).toEqual({
      cores: 3,
      memoryMiB: 12 * 1024,
    });
  });

  it('needs more than 20% idle: exactly 20% is not idle', () => {
    const { window, now } = observeEveryMinute(Array(10).fill(8));
    expect(window).toEqual(NOT_IDLE);
    expect(isLending(window, now, policy)).toBe(false);
  });

  it('restarts the 5 minutes when the owners take the namespace back in between', () => {
    const { window, now } = observeEveryMinute([5, 5, 5, 5, 9, 5, 5, 5]);
    expect(window.idleSince).toBe(T0 + 5 * MIN);
    expect(isLending(window, now, policy)).toBe(false);
    expect(isLending(window, T0 + 10 * MIN + 1, policy)).toBe(true);
  });

  it('lends only what is not lent yet', () => {
    const { window, now } = observeEveryMinute(Array(7).fill(4));
    expect(lendableCapacity(window, use(4, 5), now, policy)).toEqual({
      cores: 1,
      memoryMiB: 4 * 1024,
    });
  });

  it('takes both figures from the policy', () => {
    const strict = { ...policy, idleThreshold: 0.5, idleWindowMs: MIN };
    let window = observeIdle(NOT_IDLE, use(6), T0, strict);
    expect(window).toEqual(NOT_IDLE);
    window = observeIdle(window, use(4), T0, strict);
    expect(isLending(window, T0 + MIN + 1, strict)).toBe(true);
  });
});
