import {
  CoresAndMemory,
  DedicatedTenantUtilisation,
  NamespaceAllocation,
  NamespaceTier,
  NamespaceUtilisation,
  SparkUnitSize,
} from '@internal/backstage-plugin-ingestion-common';
import { DedicatedUse } from './idleCapacity';

/** A run holding resources now (submitted or running). */
export interface HeldRun {
  tier: NamespaceTier;
  tenant: string;
  opportunistic: boolean;
  allocatedCores: number;
  allocatedMemoryMiB: number;
}

const sum = (runs: readonly HeldRun[]): CoresAndMemory => ({
  cores: runs.reduce((n, r) => n + r.allocatedCores, 0),
  memoryMiB: runs.reduce((n, r) => n + r.allocatedMemoryMiB, 0),
});

/**
 * Used against available, per namespace and per tenant with Dedicated Ingestion Units (Requirement 8.1), from the
 * runs holding resources. An opportunistic run holds lent capacity of the dedicated namespace, not of its own tier.
 */
export function utilisationOf(
  namespaces: readonly Pick<
    NamespaceAllocation,
    'tier' | 'namespace' | 'cores' | 'memoryGiB'
  >[],
  held: readonly HeldRun[],
  dedicatedUnits: ReadonlyMap<string, number>,
  unitSize: SparkUnitSize,
): {
  namespaces: NamespaceUtilisation[];
  dedicatedTenants: DedicatedTenantUtilisation[];
  dedicated: DedicatedUse;
} {
  const lent = sum(held.filter(r => r.opportunistic));
  const perNamespace = namespaces.map(ns => ({
    tier: ns.tier,
    namespace: ns.namespace,
    capacity: { cores: ns.cores, memoryMiB: ns.memoryGiB * 1024 },
    used: sum(held.filter(r => !r.opportunistic && r.tier === ns.tier)),
    lent: ns.tier === 'dedicated' ? lent : { cores: 0, memoryMiB: 0 },
  }));
  const dedicatedTenants = [...dedicatedUnits]
    .filter(([, units]) => units > 0)
    .map(([tenant, units]) => ({
      tenant,
      units,
      capacity: {
        cores: units * unitSize.cores,
        memoryMiB: units * unitSize.memoryGiB * 1024,
      },
      used: sum(
        held.filter(
          r =>
            !r.opportunistic && r.tier === 'dedicated' && r.tenant === tenant,
        ),
      ),
    }))
    .sort((a, b) => a.tenant.localeCompare(b.tenant));
  const dedicated = perNamespace.find(ns => ns.tier === 'dedicated');
  return {
    namespaces: perNamespace,
    dedicatedTenants,
    dedicated: {
      capacity: dedicated?.capacity ?? { cores: 0, memoryMiB: 0 },
      owned: dedicated?.used ?? { cores: 0, memoryMiB: 0 },
      lent,
    },
  };
}
