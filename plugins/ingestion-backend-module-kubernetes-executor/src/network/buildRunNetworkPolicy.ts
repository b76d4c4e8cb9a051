import { RunSubmission } from '@internal/backstage-plugin-ingestion-node';
import { EgressRule } from '../config/KubernetesExecutorOptions';
import {
  KubernetesObject,
  OwnerReference,
} from '../kubernetes/KubernetesObject';
import { LABELS, toLabelValue } from '../naming/labels';
import { runNetworkPolicyName } from '../naming/sparkApplicationName';
import { runAnnotations, runLabels } from '../spark/runLabels';
import { toEgressRule } from './egressPeers';

/**
 * The NetworkPolicy of one run, on top of its namespace's default deny: the run's pods (driver and executors,
 * selected by run id) may talk to each other in both directions (Spark's driver <-> executor RPC and block
 * transfers, on ports Spark picks), and may reach their own source and target, nothing else. Another run in
 * the same namespace, of the same tenant or not, can neither reach these pods nor be reached by them.
 */
export function buildRunNetworkPolicy(
  run: RunSubmission,
  egress: EgressRule[],
  owner?: OwnerReference,
): KubernetesObject {
  const sameRun = {
    podSelector: { matchLabels: { [LABELS.runId]: toLabelValue(run.runId) } },
  };
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {
      name: runNetworkPolicyName(run.runId),
      namespace: run.namespace,
      labels: runLabels(run),
      annotations: runAnnotations(run),
      ...(owner && { ownerReferences: [owner] }),
    },
    spec: {
      podSelector: sameRun.podSelector,
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [sameRun] }],
      egress: [{ to: [sameRun] }, ...egress.map(toEgressRule)],
    },
  };
}
