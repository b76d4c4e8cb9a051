import { consecutiveWithinSla } from './consecutiveWithinSla';

describe('consecutiveWithinSla', () => {
  it('counts the latest runs within the SLA in a row', () => {
    expect(consecutiveWithinSla([true, true, true])).toBe(3);
    expect(consecutiveWithinSla([])).toBe(0);
  });

  it('is reset by a miss: only the runs after it count', () => {
    expect(consecutiveWithinSla([true, false, true, true])).toBe(1);
    expect(consecutiveWithinSla([false, true, true, true])).toBe(0);
  });

  it('skips runs without an outcome (cancelled) without resetting', () => {
    expect(consecutiveWithinSla([true, undefined, true, false, true])).toBe(2);
  });
});
