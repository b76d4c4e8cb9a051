import {
  nextSliceBoundaryMs,
  sliceIndexAt,
  sliceLengthMs,
  sliceStartMs,
  slicesOfRun,
} from './slices';

const at = (iso: string) => Date.parse(iso);
const MIN = 60_000;

describe('sliceLengthMs', () => {
  it('defaults to 15 minutes', () => {
    expect(sliceLengthMs()).toBe(15 * MIN);
  });

  it.each([5, 10, 20, 30, 60, 1440])(
    'accepts %i minutes (divides a day)',
    m => {
      expect(sliceLengthMs(m)).toBe(m * MIN);
    },
  );

  it.each([0, -15, 7, 14.5, 25, 2880, NaN])(
    'refuses %p minutes, naming sliceMinutes',
    m => {
      expect(() => sliceLengthMs(m)).toThrow(/^sliceMinutes: .*1440/);
    },
  );
});

describe('slice indexes', () => {
  const S = sliceLengthMs(15);

  it('is floor(epochMs / sliceMs), so each UTC day starts a slice', () => {
    const midnight = at('2026-05-01T00:00:00Z');
    expect(sliceIndexAt(midnight, S) * S).toBe(midnight);
    expect(sliceIndexAt(midnight + 14 * MIN, S)).toBe(
      sliceIndexAt(midnight, S),
    );
    expect(sliceIndexAt(midnight + 15 * MIN, S)).toBe(
      sliceIndexAt(midnight, S) + 1,
    );
    expect(sliceStartMs(sliceIndexAt(midnight + 20 * MIN, S), S)).toBe(
      midnight + 15 * MIN,
    );
  });

  it('rounds up to the next boundary only when between boundaries', () => {
    const t = at('2026-05-01T10:00:00Z');
    expect(nextSliceBoundaryMs(t, S)).toBe(t);
    expect(nextSliceBoundaryMs(t + 1, S)).toBe(t + 15 * MIN);
  });
});

describe('slicesOfRun', () => {
  const S = sliceLengthMs(15);
  const ten = at('2026-05-01T10:00:00Z');
  const idx = (ms: number) => sliceIndexAt(ms, S);

  it('a run 10:05-10:20 touches the 10:00 and 10:15 slices', () => {
    expect(slicesOfRun(ten + 5 * MIN, 15 * MIN, S)).toEqual({
      first: idx(ten),
      end: idx(ten) + 2,
    });
  });

  it('a run ending exactly on a boundary does not touch the next slice', () => {
    expect(slicesOfRun(ten, 15 * MIN, S)).toEqual({
      first: idx(ten),
      end: idx(ten) + 1,
    });
    expect(slicesOfRun(ten, 15 * MIN + 1, S).end).toBe(idx(ten) + 2);
  });

  it('a one-minute run touches one slice', () => {
    expect(slicesOfRun(ten + 14 * MIN, MIN, S)).toEqual({
      first: idx(ten),
      end: idx(ten) + 1,
    });
  });

  it('refuses a run without a positive duration', () => {
    expect(() => slicesOfRun(ten, 0, S)).toThrow(/^durationMs: /);
    expect(() => slicesOfRun(ten, Infinity, S)).toThrow(/^durationMs: /);
  });
});
