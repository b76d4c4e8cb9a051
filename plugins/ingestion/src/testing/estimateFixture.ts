import { ResourceEstimate } from '@internal/backstage-plugin-ingestion-common';

const duration = (expectedMinutes: number) => ({
  expectedMinutes,
  lowMinutes: expectedMinutes * 0.8,
  highMinutes: expectedMinutes * 1.25,
  confidence: 0.9,
});

/** An estimate as the server gives it: 2 units for 40 GiB within 30 minutes, learnt from 5 runs of 2 similar jobs. */
export const resourceEstimate = (
  overrides: Partial<ResourceEstimate> = {},
): ResourceEstimate => ({
  request: {
    sourceType: 'postgres',
    targetType: 's3',
    dataVolumeGiB: 40,
    desiredCompletionMinutes: 30,
  },
  basis: 'similar',
  basisLabel: '5 runs of 2 similar jobs',
  history: { jobRuns: 0, similarRuns: 5, similarJobs: 2 },
  model: { startupSeconds: 35, bytesPerCoreSecond: 30 * 1024 * 1024 },
  recommendation: {
    ingestionUnits: 2,
    resources: {
      executorInstances: 3,
      executorCores: 2,
      executorMemoryGiB: 8,
      driverCores: 1,
      driverMemoryGiB: 2,
    },
    cores: 7,
    memoryMiB: 30_208,
    meetsDeadline: true,
  },
  duration: duration(20),
  cost: {
    currency: 'EUR',
    runsPerMonth: 30,
    runsPerMonthAssumed: true,
    dedicated: { units: 2, pricePerUnitMonth: 200, amount: 400 },
    vcpuHours: { vcpuHours: 70, pricePerVcpuHour: 0.1, amount: 7 },
    cheaper: 'vcpu-hours',
    savings: 393,
  },
  options: [
    {
      ingestionUnits: 1,
      cores: 3,
      duration: duration(45),
      meetsDeadline: false,
    },
    {
      ingestionUnits: 2,
      cores: 7,
      duration: duration(20),
      meetsDeadline: true,
    },
    {
      ingestionUnits: 3,
      cores: 11,
      duration: duration(14),
      meetsDeadline: true,
    },
  ],
  ...overrides,
});
