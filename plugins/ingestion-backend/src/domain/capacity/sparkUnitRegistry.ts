import {
  NAMESPACE_TIERS,
  NamespaceAllocation,
  NamespaceTier,
  RegistrySnapshot,
  SparkUnitSize,
} from '@internal/backstage-plugin-ingestion-common';

/** One namespace's Spark Units as stored, before capacity is derived. */
export interface StoredAllocation {
  tier: NamespaceTier;
  sparkUnits: number;
  updatedAt?: string;
  updatedBy?: string;
}

/**
 * Derives the capacity of every namespace and the platform's Ingestion Units from the Spark Unit registry.
 * One Ingestion Unit is one Spark Unit: the total is the sum over all namespaces.
 */
export function deriveRegistrySnapshot(
  allocations: StoredAllocation[],
  sparkUnitSize: SparkUnitSize,
  namespaceNames: Record<NamespaceTier, string>,
): RegistrySnapshot {
  const byTier = new Map(allocations.map(a => [a.tier, a]));
  const namespaces: NamespaceAllocation[] = NAMESPACE_TIERS.map(tier => {
    const stored = byTier.get(tier);
    const sparkUnits = stored?.sparkUnits ?? 0;
    return {
      tier,
      namespace: namespaceNames[tier],
      sparkUnits,
      cores: sparkUnits * sparkUnitSize.cores,
      memoryGiB: sparkUnits * sparkUnitSize.memoryGiB,
      ...(stored?.updatedAt && { updatedAt: stored.updatedAt }),
      ...(stored?.updatedBy && { updatedBy: stored.updatedBy }),
    };
  });
  const totalIngestionUnits = namespaces.reduce((n, a) => n + a.sparkUnits, 0);
  return {
    sparkUnitSize,
    namespaces,
    totalIngestionUnits,
    totalCores: totalIngestionUnits * sparkUnitSize.cores,
    totalMemoryGiB: totalIngestionUnits * sparkUnitSize.memoryGiB,
  };
}
