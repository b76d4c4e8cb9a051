import { JobResources } from '@internal/backstage-plugin-ingestion-common';
import { runDemand, tierFor } from './placement';

const resources: JobResources = {
  executorInstances: 2,
  executorCores: 2,
  executorMemoryGiB: 4,
  driverCores: 1,
  driverMemoryGiB: 2,
};

describe('runDemand', () => {
  it('adds the driver and every executor, with Spark’s memory overhead per pod', () => {
    // Executors: 4096 + max(409.6, 384) -> 4506 MiB each; the PySpark driver: 2048 + max(512, 512) = 2560 MiB.
    expect(runDemand(resources)).toEqual({
      cores: 5,
      memoryMiB: 2560 + 2 * 4506,
    });
  });

  it('allows a driver-only run', () => {
    expect(runDemand({ ...resources, executorInstances: 0 }).cores).toBe(1);
  });

  it.each([
    ['executorInstances', -1],
    ['executorInstances', 1.5],
    ['executorCores', 0],
    ['driverMemoryGiB', NaN],
  ] as const)('refuses %s = %p, naming the field', (field, value) => {
    expect(() => runDemand({ ...resources, [field]: value })).toThrow(
      new RegExp(`^resources\\.${field}: `),
    );
  });
});

describe('tierFor', () => {
  it('sends drafts to the draft namespace and production jobs to their pool’s namespace', () => {
    expect(tierFor({ lifecycle: 'draft', pool: 'dedicated' })).toBe('draft');
    expect(tierFor({ lifecycle: 'draft', pool: 'vcore-hours' })).toBe('draft');
    expect(tierFor({ lifecycle: 'production', pool: 'dedicated' })).toBe(
      'dedicated',
    );
    expect(tierFor({ lifecycle: 'production', pool: 'vcore-hours' })).toBe(
      'vcore-hours',
    );
  });

  it('refuses unknown values, naming the field', () => {
    expect(() =>
      tierFor({ lifecycle: 'production', pool: 'gold' as never }),
    ).toThrow(/^pool: /);
    expect(() =>
      tierFor({ lifecycle: 'retired' as never, pool: 'dedicated' }),
    ).toThrow(/^lifecycle: /);
  });
});
