import {
  IngestionJob,
  IngestionJobSpec,
  JobSchedule,
} from '@internal/backstage-plugin-ingestion-common';
import { IngestionConfig, namespaceNames } from '../config';
import { RunStore } from '../database/RunStore';
import { allocateRun } from '../domain/scheduling/runAllocation';

/** A valid job specification for store-level tests: PostgreSQL to S3 on vCPU-hours, 1 executor of `cores`. */
export function testJobSpec(options: {
  name: string;
  tenant: string;
  schedule: JobSchedule;
  cores?: number;
  slaMinutes?: number;
}): IngestionJobSpec {
  return {
    name: options.name,
    tenant: options.tenant,
    pool: 'vcore-hours',
    source: {
      type: 'postgres',
      host: 'db',
      port: 5432,
      database: 'shop',
      table: 'orders',
      credentialsSecret: 'shop',
    },
    target: { type: 's3', path: 's3a://lake/orders', format: 'parquet' },
    schedule: options.schedule,
    estimates: {
      dataVolumeGiB: 1,
      expectedDurationMinutes: 10,
      slaMinutes: options.slaMinutes ?? 20,
    },
    resources: {
      executorInstances: 1,
      executorCores: options.cores ?? 1,
      executorMemoryGiB: 1,
      driverCores: 1,
      driverMemoryGiB: 1,
    },
  };
}

/** Queues a run by hand, as `POST /jobs/{id}/runs` does: sized from the job as it is at `at`. */
export function queueManualRun(
  runs: RunStore,
  config: IngestionConfig,
  job: IngestionJob,
  id: string,
  at: number,
) {
  return runs.create({
    id,
    jobId: job.id,
    tenant: job.tenant,
    trigger: 'manual',
    scheduledFor: new Date(at).toISOString(),
    ...allocateRun(job, namespaceNames(config)),
    opportunistic: false,
    queuedAt: new Date(at).toISOString(),
    dedupeKey: `manual:${id}`,
  });
}
