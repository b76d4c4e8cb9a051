import { localResources } from './localResources';

const resources = {
  driverCores: 1,
  driverMemoryMiB: 2048,
  executorCores: 2,
  executorMemoryMiB: 4096,
  executorInstances: 3,
};

describe('localResources', () => {
  it('runs the allocated executor cores as task threads and the heap of the driver allocation as the JVM heap', () => {
    expect(localResources(resources, 16)).toEqual({
      cores: 6,
      driverMemoryMiB: 1536,
    });
  });

  it('caps the threads at what the machine offers', () => {
    expect(localResources(resources, 2).cores).toBe(2);
  });

  it('runs at least one thread and a heap Spark accepts', () => {
    expect(
      localResources(
        { ...resources, executorInstances: 0, driverMemoryMiB: 256 },
        4,
      ),
    ).toEqual({
      cores: 1,
      driverMemoryMiB: 512,
    });
  });
});
