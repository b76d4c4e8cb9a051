import { NamespaceTier } from '@internal/backstage-plugin-ingestion-common';
import { KubernetesObject } from '../kubernetes/KubernetesObject';
import { LABELS, MANAGER } from '../naming/labels';

/**
 * The three priorities of ingestion pods, highest first. The scheduler preempts lower-priority pods when a
 * higher one does not fit, so a dedicated run takes back lent capacity from opportunistic runs (Requirement
 * 8.4) without the ingestion backend having to find and cancel them first. Values stay far below
 * system-cluster-critical (2000000000) and leave room for the platform's own classes in between.
 */
export const PRIORITY_CLASSES = {
  dedicated: {
    name: 'ingestion-dedicated',
    value: 100000,
    preemptionPolicy: 'PreemptLowerPriority',
    description:
      'Ingestion runs on Dedicated Ingestion Units: guaranteed, may preempt opportunistic ingestion runs.',
  },
  shared: {
    name: 'ingestion-shared',
    value: 10000,
    preemptionPolicy: 'PreemptLowerPriority',
    description:
      'Ingestion runs on vCPU-hours and draft (profiling) runs, within their namespace quota.',
  },
  opportunistic: {
    name: 'ingestion-opportunistic',
    value: 1000,
    // A borrower waits for idle capacity; it never evicts anyone to get it.
    preemptionPolicy: 'Never',
    description:
      'Ingestion runs on capacity lent by the dedicated namespace: preempted first when its owners need it back.',
  },
} as const;

/** The priority class of a run's pods: dedicated > shared (vcore-hours, draft) > opportunistic. */
export function priorityClassFor(run: {
  tier: NamespaceTier;
  opportunistic: boolean;
}): string {
  if (run.opportunistic) return PRIORITY_CLASSES.opportunistic.name;
  if (run.tier === 'dedicated') return PRIORITY_CLASSES.dedicated.name;
  return PRIORITY_CLASSES.shared.name;
}

/** The cluster-scoped PriorityClass objects (none is the cluster's default). */
export function buildPriorityClasses(): KubernetesObject[] {
  return Object.values(PRIORITY_CLASSES).map(pc => ({
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: pc.name, labels: { [LABELS.managedBy]: MANAGER } },
    value: pc.value,
    globalDefault: false,
    preemptionPolicy: pc.preemptionPolicy,
    description: pc.description,
  }));
}
