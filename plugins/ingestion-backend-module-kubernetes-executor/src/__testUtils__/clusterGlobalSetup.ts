import { clusterRunning } from './testCluster';

/**
 * Jest globalSetup of this package: notes whether the test control plane was already running, so that the
 * teardown leaves it as it was found. The cluster tests start it themselves (cluster.sh start is idempotent and
 * serialized by a lock), so runs of unit tests alone never pay for a cluster start.
 */
export default async function clusterGlobalSetup(): Promise<void> {
  (globalThis as any).__ingestionKubernetesClusterWasRunning = clusterRunning();
}
