import { cpuQuantity, sparkMemory } from './podResources';

const mib = (quantity: string) => Number(quantity.replace(/m$/, ''));

describe('sparkMemory', () => {
  it('tells Spark the heap and overhead of the shared rule, adding up to the allocation', () => {
    const { memory, memoryOverhead } = sparkMemory(4096, 'executor');
    expect(mib(memory) + mib(memoryOverhead)).toBe(4096);
  });

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
