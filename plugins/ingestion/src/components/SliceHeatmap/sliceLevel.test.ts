import { sliceLevel } from './sliceLevel';

const slice = (
  utilisation: number,
  committedCores = 1,
  capacityCores = 32,
) => ({
  utilisation,
  committedCores,
  capacityCores,
  capacityMemoryMiB: capacityCores * 4096,
});

describe('sliceLevel', () => {
  it.each([
    [0, 'idle'],
    [0.1, 'low'],
    [0.25, 'medium'],
    [0.6, 'high'],
    [0.75, 'busy'],
    [0.999, 'busy'],
    [1, 'full'],
    [1 + 1e-12, 'full'],
    [1.01, 'over'],
    [2, 'over'],
  ])('puts utilisation %s at %s', (utilisation, level) => {
    expect(sliceLevel(slice(utilisation))).toBe(level);
  });

  it('calls anything committed in a namespace without capacity over-committed', () => {
    expect(sliceLevel(slice(0, 4, 0))).toBe('over');
    expect(sliceLevel(slice(0, 0, 0))).toBe('no-capacity');
  });
});
