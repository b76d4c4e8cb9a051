import { JobResources } from '@internal/backstage-plugin-ingestion-common';
import { CapacityView, decidePlacement, runDemand, tierFor } from './placement';

const resources: JobResources = {
  executorInstances: 2,
  executorCores: 2,
  executorMemoryGiB: 4,
  driverCores: 1,
  driverMemoryGiB: 2,
};

describe('runDemand', () => {
  it('adds the driver and every executor, with Spark’s memory overhead per pod', () => {
    // Executors: 4096 + max(409.6, 384) = 4505.6 -> 4506 MiB each; driver: 2048 + max(204.8, 384) = 2432 MiB.
    expect(runDemand(resources)).toEqual({
      cores: 5,
      memoryMiB: 2432 + 2 * 4506,
    });
  });

  it('takes another overhead factor and minimum', () => {
    expect(runDemand(resources, { factor: 0.4, minimumMiB: 0 })).toEqual({
      cores: 5,
      memoryMiB: Math.ceil(2048 * 1.4) + 2 * Math.ceil(4096 * 1.4),
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

describe('decidePlacement', () => {
  const capacity: CapacityView = {
    capacity: tier =>
      tier === 'vcore-hours'
        ? { cores: 16, memoryMiB: 65_536 }
        : { cores: 4, memoryMiB: 16_384 },
    tenantCapacity: tenant =>
      tenant === 'group:a'
        ? { cores: 8, memoryMiB: 32_768 }
        : { cores: 0, memoryMiB: 0 },
  };

  it('places a run that fits its tier', () => {
    expect(
      decidePlacement(
        { lifecycle: 'production', pool: 'vcore-hours', tenant: 'group:b' },
        { cores: 16, memoryMiB: 1024 },
        capacity,
      ),
    ).toEqual({ placed: true, tier: 'vcore-hours' });
  });

  it('refuses a run larger than the whole namespace, saying what is missing', () => {
    expect(
      decidePlacement(
        { lifecycle: 'draft', pool: 'vcore-hours', tenant: 'group:b' },
        { cores: 5, memoryMiB: 20_000 },
        capacity,
      ),
    ).toEqual({
      placed: false,
      tier: 'draft',
      reason:
        'One run needs 5 cores but the draft namespace holds 4, and 20000 MiB of memory but the draft namespace holds 16384 MiB.',
    });
  });

  it('measures a dedicated run against the tenant’s dedicated units, not the namespace', () => {
    const job = {
      lifecycle: 'production' as const,
      pool: 'dedicated' as const,
    };
    expect(
      decidePlacement(
        { ...job, tenant: 'group:a' },
        { cores: 8, memoryMiB: 1024 },
        capacity,
      ).placed,
    ).toBe(true);
    const refused = decidePlacement(
      { ...job, tenant: 'group:a' },
      { cores: 9, memoryMiB: 1024 },
      capacity,
    );
    expect(refused).toMatchObject({ placed: false, tier: 'dedicated' });
    expect(refused.placed === false && refused.reason).toMatch(
      /group:a's dedicated units hold 8/,
    );
    expect(
      decidePlacement(
        { ...job, tenant: 'group:none' },
        { cores: 1, memoryMiB: 1 },
        capacity,
      ).placed,
    ).toBe(false);
  });
});
