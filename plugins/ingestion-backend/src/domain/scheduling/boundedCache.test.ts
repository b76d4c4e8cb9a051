import { BoundedCache } from './boundedCache';

describe('BoundedCache', () => {
  it('computes a value once and then returns it', () => {
    const cache = new BoundedCache<string, number>(10);
    const compute = jest.fn((key: string) => key.length);
    expect(cache.getOrCompute('abc', compute)).toBe(3);
    expect(cache.getOrCompute('abc', compute)).toBe(3);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('forgets its oldest entry beyond its size', () => {
    const cache = new BoundedCache<number, number>(2);
    const compute = jest.fn((key: number) => key * 2);
    cache.getOrCompute(1, compute);
    cache.getOrCompute(2, compute);
    cache.getOrCompute(3, compute);
    expect(cache.size).toBe(2);
    cache.getOrCompute(2, compute);
    expect(compute).toHaveBeenCalledTimes(3);
    cache.getOrCompute(1, compute);
    expect(compute).toHaveBeenCalledTimes(4);
  });

  it('does not remember a computation that throws', () => {
    const cache = new BoundedCache<string, number>(2);
    expect(() =>
      cache.getOrCompute('x', () => {
        throw new Error('bad');
      }),
    ).toThrow('bad');
    expect(cache.getOrCompute('x', () => 1)).toBe(1);
  });
});
