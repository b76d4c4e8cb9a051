import { NamespaceTier } from '@internal/backstage-plugin-ingestion-common';
import { StoredAllocation } from '../domain/capacity/sparkUnitRegistry';

/** Persistence of the Spark Unit registry. */
export interface SparkUnitRegistryStore {
  list(): Promise<StoredAllocation[]>;
  /** Inserts allocations for tiers that have none yet; existing rows are left alone. */
  seed(initial: Record<NamespaceTier, number>, by: string): Promise<void>;
  /** Sets a tier's Spark Units and appends the change to the history, atomically. */
  setSparkUnits(
    tier: NamespaceTier,
    sparkUnits: number,
    by: string,
  ): Promise<void>;
}
