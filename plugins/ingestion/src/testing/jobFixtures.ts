import {
  IngestionJob,
  IngestionRun,
  JobHealth,
} from '@internal/backstage-plugin-ingestion-common';
import { ORION } from './mockIngestionApi';

/** A stored job of team-orion: nightly orders from PostgreSQL to S3, in draft, on vCPU-hours. */
export const ingestionJob = (
  overrides: Partial<IngestionJob> = {},
): IngestionJob => ({
  id: 'job-orders',
  name: 'nightly-orders',
  description: 'Orders from the payments database',
  tenant: ORION,
  source: {
    type: 'postgres',
    host: 'payments-db.internal',
    port: 5432,
    database: 'payments',
    table: 'public.orders',
    partitionColumn: 'id',
    numPartitions: 8,
    incrementalColumn: 'updated_at',
    credentialsSecret: 'payments-db-reader',
  },
  target: {
    type: 's3',
    path: 's3a://lake/payments/orders',
    format: 'parquet',
    partitionBy: ['order_date'],
  },
  schedule: { type: 'cron', expression: '0 2 * * *', timezone: 'UTC' },
  estimates: { dataVolumeGiB: 12, expectedDurationMinutes: 20, slaMinutes: 30 },
  resources: {
    executorInstances: 2,
    executorCores: 2,
    executorMemoryGiB: 4,
    driverCores: 1,
    driverMemoryGiB: 2,
  },
  pool: 'vcore-hours',
  lifecycle: 'draft',
  tier: 'draft',
  status: 'active',
  createdAt: '2026-11-20T09:00:00.000Z',
  createdBy: 'user:default/guest',
  updatedAt: '2026-11-20T09:00:00.000Z',
  ...overrides,
});

const MINUTE = 60_000;

/** A run of {@link ingestionJob}: by default one that succeeded in 18 minutes, with its metrics. */
export const ingestionRun = (
  overrides: Partial<IngestionRun> = {},
): IngestionRun => ({
  id: 'run-1',
  jobId: 'job-orders',
  tenant: ORION,
  state: 'succeeded',
  trigger: 'schedule',
  scheduledFor: '2026-11-26T02:00:00.000Z',
  pool: 'vcore-hours',
  tier: 'draft',
  namespace: 'ingestion-draft',
  opportunistic: false,
  allocatedCores: 5,
  allocatedMemoryMiB: 12_288,
  executor: 'local-spark',
  queuedAt: '2026-11-26T02:00:00.000Z',
  startedAt: '2026-11-26T02:00:05.000Z',
  finishedAt: new Date(
    Date.parse('2026-11-26T02:00:05.000Z') + 18 * MINUTE,
  ).toISOString(),
  metrics: {
    durationMs: 18 * MINUTE,
    cpuTimeMs: 52 * MINUTE,
    executorRunTimeMs: 60 * MINUTE,
    peakMemoryBytes: 3.5 * 1024 ** 3,
    bytesIn: 12 * 1024 ** 3,
    bytesOut: 3 * 1024 ** 3,
    recordsIn: 4_200_000,
    recordsOut: 4_150_000,
  },
  // As the service judged it when the run finished.
  slaMet: true,
  slaOverrun: 0,
  ...overrides,
});

/** The health of {@link ingestionJob} as the server computes it: a draft two runs into its profiling. */
export const jobHealth = (overrides: Partial<JobHealth> = {}): JobHealth => ({
  jobId: 'job-orders',
  lifecycle: 'draft',
  tier: 'draft',
  profiling: { requiredRuns: 3, consecutiveWithinSla: 2 },
  timeline: [
    {
      at: '2026-11-20T09:00:00.000Z',
      kind: 'created',
      lifecycle: 'draft',
      tier: 'draft',
      by: 'user:default/orla',
      reason: 'Created in draft: its first 3 runs profile it',
    },
  ],
  sla: { judgedRuns: 2, metRuns: 2, complianceRate: 1 },
  recommendations: [],
  ...overrides,
});
