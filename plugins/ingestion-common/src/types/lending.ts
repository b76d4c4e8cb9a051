import { NamespaceTier } from './capacity';

/** Cores and memory. @public */
export interface CoresAndMemory {
  cores: number;
  memoryMiB: number;
}

/** One namespace now: what its Spark Units hold, what runs hold, and what of it is lent. @public */
export interface NamespaceUtilisation {
  tier: NamespaceTier;
  namespace: string;
  capacity: CoresAndMemory;
  /** Held by the namespace's own runs (for the dedicated namespace: its owners' runs). */
  used: CoresAndMemory;
  /** Held by opportunistic runs on capacity the namespace lends (the dedicated namespace only). */
  lent: CoresAndMemory;
}

/** One tenant with Dedicated Ingestion Units: what it bought and what its runs hold now. @public */
export interface DedicatedTenantUtilisation {
  tenant: string;
  units: number;
  capacity: CoresAndMemory;
  used: CoresAndMemory;
}

/**
 * The lending rule's settings and its state now: whether the dedicated namespace has been idle long enough to lend,
 * what it may still lend, and what it has lent.
 *
 * @public
 */
export interface LendingState {
  idleThresholdPercent: number;
  idleMinutes: number;
  usageHalfLifeHours: number;
  usageWindowHours: number;
  /** The reclaim time the platform promises (Requirement 8.4). */
  reclaimTargetSeconds: number;
  /** Idle share of the dedicated namespace, 0 to 1 (lent capacity counts as idle: its owners get it back on demand). */
  idleShare: number;
  /** Since when the namespace has been idle above the threshold without a break. */
  idleSince?: string;
  lending: boolean;
  lendable: CoresAndMemory;
  lent: CoresAndMemory;
}

/**
 * Capacity used against capacity available, per namespace and per dedicated tenant, from the runs holding
 * resources now (Requirement 8.1).
 *
 * @public
 */
export interface CapacityUtilisation {
  generatedAt: string;
  namespaces: NamespaceUtilisation[];
  dedicatedTenants: DedicatedTenantUtilisation[];
  lending: LendingState;
}

/** @public */
export type LendingEventKind = 'loan' | 'reclaim' | 'preemption';

/**
 * One entry of the lending audit: a loan (an opportunistic run started on lent capacity), a reclaim (a dedicated run
 * took lent capacity back) or a preemption (an opportunistic run stopped for it).
 *
 * @public
 */
export interface LendingEvent {
  kind: LendingEventKind;
  /** The opportunistic run (loan, preemption) or the dedicated run (reclaim). */
  runId: string;
  tenant: string;
  cores: number;
  memoryMiB: number;
  occurredAt: string;
  /** Loan: when the run stopped holding lent capacity. */
  endedAt?: string;
  /** Loan: core-hours held, never charged. */
  coreHours?: number;
  /** Preemption: the dedicated run it made room for. */
  reclaimedFor?: string;
  /** Preemption: the run queued in its place. */
  requeuedAs?: string;
  /** Reclaim: when the dedicated run asked for the capacity. */
  requestedAt?: string;
  /** Reclaim: how many opportunistic runs were stopped. */
  victims?: number;
  /** Reclaim: when the dedicated run was running. */
  runningAt?: string;
  /** Reclaim: from asking to running, in milliseconds. */
  reclaimMs?: number;
}

/** @public */
export interface LendingEventList {
  from: string;
  to: string;
  items: LendingEvent[];
}
