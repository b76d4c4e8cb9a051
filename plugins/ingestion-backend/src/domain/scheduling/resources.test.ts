import { assertResources, fromMilliCores, toMilliCores } from './resources';

describe('resources', () => {
  it('converts cores to whole millicores and back', () => {
    expect(toMilliCores(0.1)).toBe(100);
    expect(toMilliCores(2.5)).toBe(2500);
    expect(fromMilliCores(toMilliCores(0.1) + toMilliCores(0.2))).toBe(0.3);
  });

  it('accepts positive demands and non-negative capacities', () => {
    expect(() =>
      assertResources({ cores: 0.5, memoryMiB: 512 }, 'demand', 'demand'),
    ).not.toThrow();
    expect(() =>
      assertResources({ cores: 0, memoryMiB: 0 }, 'capacity', 'capacity'),
    ).not.toThrow();
  });

  it.each([
    [{ cores: 0, memoryMiB: 1 }, /^demand\.cores: must be a positive/],
    [{ cores: 0.0001, memoryMiB: 1 }, /^demand\.cores: /],
    [{ cores: NaN, memoryMiB: 1 }, /^demand\.cores: /],
    [{ cores: 1, memoryMiB: 0 }, /^demand\.memoryMiB: must be a positive/],
    [{ cores: 1, memoryMiB: 1.5 }, /^demand\.memoryMiB: .*whole number/],
  ])('refuses the demand %p, naming the field', (value, message) => {
    expect(() => assertResources(value, 'demand', 'demand')).toThrow(message);
  });

  it('refuses negative capacities, naming the field', () => {
    expect(() =>
      assertResources({ cores: -1, memoryMiB: 0 }, 'capacity', 'capacity'),
    ).toThrow(/^capacity\.cores: must be a non-negative/);
    expect(() =>
      assertResources({ cores: 1, memoryMiB: -5 }, 'capacity', 'capacity'),
    ).toThrow(/^capacity\.memoryMiB: /);
  });
});
