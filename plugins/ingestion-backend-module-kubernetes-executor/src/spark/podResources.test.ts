import { cpuQuantity, sparkMemory } from './podResources';

const mib = (quantity: string) => Number(quantity.replace(/m$/, ''));

describe('sparkMemory', () => {
  it.each([
    [1024, 'driver'],
    [2048, 'driver'],
    [65536, 'driver'],
    [1024, 'executor'],
    [4096, 'executor'],
    [131072, 'executor'],
  ] as const)(
    'heap + overhead of a %i MiB %s equals the allocation',
    (allocated, role) => {
      const { memory, memoryOverhead } = sparkMemory(allocated, role);
      expect(mib(memory) + mib(memoryOverhead)).toBe(allocated);
      expect(mib(memory)).toBeGreaterThanOrEqual(allocated / 2);
    },
  );

  it('gives the PySpark driver a larger overhead than a JVM executor', () => {
    expect(sparkMemory(2048, 'driver')).toEqual({
      memory: '1536m',
      memoryOverhead: '512m',
    });
    expect(sparkMemory(2048, 'executor')).toEqual({
      memory: '1664m',
      memoryOverhead: '384m',
    });
    expect(sparkMemory(16384, 'executor')).toEqual({
      memory: '14894m',
      memoryOverhead: '1490m',
    });
  });

  it('refuses pods too small to run Spark', () => {
    expect(() => sparkMemory(256, 'executor')).toThrow(/at least 512 MiB/);
  });
});

describe('cpuQuantity', () => {
  it('writes whole cores as integers and fractions in millicores', () => {
    expect(cpuQuantity(4)).toBe('4');
    expect(cpuQuantity(0.5)).toBe('500m');
    expect(cpuQuantity(2.25)).toBe('2250m');
    expect(() => cpuQuantity(0)).toThrow();
  });
});
