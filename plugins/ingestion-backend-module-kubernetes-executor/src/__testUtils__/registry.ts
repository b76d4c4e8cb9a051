import {
  NamespaceTier,
  RegistrySnapshot,
} from '@internal/backstage-plugin-ingestion-common';

/** A registry snapshot with Spark Units of 2 cores / 4 GiB, as the ingestion plugin announces it. */
export function registrySnapshot(
  namespaces: Record<NamespaceTier, string>,
  sparkUnits: Record<NamespaceTier, number>,
): RegistrySnapshot {
  const size = { cores: 2, memoryGiB: 4 };
  const entries = (Object.keys(namespaces) as NamespaceTier[]).map(tier => ({
    tier,
    namespace: namespaces[tier],
    sparkUnits: sparkUnits[tier],
    cores: sparkUnits[tier] * size.cores,
    memoryGiB: sparkUnits[tier] * size.memoryGiB,
  }));
  const total = entries.reduce((sum, e) => sum + e.sparkUnits, 0);
  return {
    sparkUnitSize: size,
    namespaces: entries,
    totalIngestionUnits: total,
    totalCores: total * size.cores,
    totalMemoryGiB: total * size.memoryGiB,
  };
}
