/**
 * The three Kubernetes namespaces the scheduler places runs in.
 * - dedicated: runs of tenants that bought Dedicated Ingestion Units
 * - vcore-hours: runs of tenants that bought vCPU-hours (shared, fair-queued)
 * - draft: first runs of new jobs, for profiling before promotion
 *
 * @public
 */
export type NamespaceTier = 'dedicated' | 'vcore-hours' | 'draft';

/** @public */
export const NAMESPACE_TIERS: readonly NamespaceTier[] = [
  'dedicated',
  'vcore-hours',
  'draft',
];

/**
 * The Kubernetes namespace of each tier when `ingestion.namespaces.<tier>.name` is not configured.
 *
 * @public
 */
export const DEFAULT_NAMESPACE_NAMES: Readonly<Record<NamespaceTier, string>> =
  {
    dedicated: 'ingestion-dedicated',
    'vcore-hours': 'ingestion-vcore-hours',
    draft: 'ingestion-draft',
  };

/**
 * The size of one Spark Unit, as bought from the infrastructure team.
 *
 * @public
 */
export interface SparkUnitSize {
  cores: number;
  memoryGiB: number;
}

/**
 * Spark Units allocated to one namespace, with the capacity they add up to.
 *
 * @public
 */
export interface NamespaceAllocation {
  tier: NamespaceTier;
  /** Kubernetes namespace name, from config. */
  namespace: string;
  sparkUnits: number;
  cores: number;
  memoryGiB: number;
  updatedAt?: string;
  updatedBy?: string;
}

/**
 * The Spark Unit registry and the Ingestion Units derived from it.
 *
 * @public
 */
export interface RegistrySnapshot {
  sparkUnitSize: SparkUnitSize;
  namespaces: NamespaceAllocation[];
  /** Sum of Spark Units across all namespaces: the Ingestion Units the platform can sell. */
  totalIngestionUnits: number;
  totalCores: number;
  totalMemoryGiB: number;
}

/**
 * One slice of a namespace's calendar: capacity committed by scheduled runs against what the namespace holds.
 *
 * @public
 */
export interface HeatmapSlice {
  sliceStart: string;
  committedCores: number;
  committedMemoryMiB: number;
  capacityCores: number;
  capacityMemoryMiB: number;
  /** Committed over capacity of the tighter resource (1 = full). */
  utilisation: number;
  /** The jobs whose runs occupy the slice (for platform admins; tenants see only their own). */
  jobs: Array<{
    jobId: string;
    tenant: string;
    runs: number;
    cores: number;
    memoryMiB: number;
  }>;
}
