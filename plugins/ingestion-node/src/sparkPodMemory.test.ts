import { podMemoryMiB, splitPodMemory } from './sparkPodMemory';

describe('Spark pod memory', () => {
  it.each([
    [1024, 'driver'],
    [2048, 'driver'],
    [65536, 'driver'],
    [1024, 'executor'],
    [4096, 'executor'],
    [131072, 'executor'],
  ] as const)(
    'a %i MiB %s heap gets its overhead on top, and the executors split it back exactly',
    (heapMiB, role) => {
      const pod = podMemoryMiB(heapMiB, role);
      expect(pod).toBeGreaterThan(heapMiB);
      expect(splitPodMemory(pod, role)).toEqual({
        heapMiB,
        overheadMiB: pod - heapMiB,
      });
    },
  );

  it('gives the PySpark driver a larger overhead than a JVM executor', () => {
    expect(podMemoryMiB(1024, 'driver')).toBe(1536);
    expect(podMemoryMiB(1024, 'executor')).toBe(1408);
    expect(podMemoryMiB(16384, 'executor')).toBe(16384 + 1639);
    expect(podMemoryMiB(4096, 'driver')).toBe(5120);
  });

  it('splits any allocation into heap + overhead equal to it', () => {
    for (const allocated of [512, 777, 2048, 9999, 16384]) {
      for (const role of ['driver', 'executor'] as const) {
        const { heapMiB, overheadMiB } = splitPodMemory(allocated, role);
        expect(heapMiB + overheadMiB).toBe(allocated);
        expect(podMemoryMiB(heapMiB, role)).toBeLessThanOrEqual(allocated);
        expect(podMemoryMiB(heapMiB + 1, role)).toBeGreaterThan(allocated);
      }
    }
  });

  it('refuses pods too small to run Spark', () => {
    expect(() => splitPodMemory(256, 'executor')).toThrow(/at least 512 MiB/);
  });
});
