import {
  CapacityPool,
  IngestionJob,
  IngestionJobSpec,
  JobLifecycle,
  NamespaceTier,
} from '@internal/backstage-plugin-ingestion-common';

/** Filters of the job list; every field narrows it. */
export interface JobFilter {
  /** Only jobs of these tenants (undefined: all tenants, for platform admins and services). */
  tenants?: string[];
  status?: IngestionJob['status'];
  lifecycle?: JobLifecycle;
  pool?: CapacityPool;
  /** Case-insensitive substring of the name. */
  search?: string;
}

export interface NewJob {
  id: string;
  spec: IngestionJobSpec;
  lifecycle: JobLifecycle;
  tier: NamespaceTier;
  by: string;
  at: number;
}

export interface JobStore {
  create(job: NewJob): Promise<IngestionJob>;
  get(id: string): Promise<IngestionJob | undefined>;
  list(
    filter: JobFilter,
    page: { limit: number; offset: number },
  ): Promise<{ items: IngestionJob[]; totalCount: number }>;
  update(
    id: string,
    change: Partial<
      Pick<IngestionJob, 'status' | 'lifecycle' | 'tier' | 'lifecycleReason'>
    > & {
      spec?: IngestionJobSpec;
    },
    by: string,
    at: number,
  ): Promise<IngestionJob>;
  delete(id: string): Promise<boolean>;
  getWatermark(id: string): Promise<string | null>;
  setWatermark(id: string, watermark: string | null): Promise<void>;
}
