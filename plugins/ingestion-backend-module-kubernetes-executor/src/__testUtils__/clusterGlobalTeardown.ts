import { spawnSync } from 'node:child_process';
import { clusterRunning, clusterScript } from './testCluster';

/**
 * Stops the test control plane if these tests started it (it was not running at globalSetup); a cluster that was
 * already running, or INGEST_KEEP_CLUSTER=1, is left running, as test-infra/kubernetes/smoke.sh does.
 */
export default async function clusterGlobalTeardown(): Promise<void> {
  const wasRunning = (globalThis as any)
    .__ingestionKubernetesClusterWasRunning as boolean | undefined;
  if (wasRunning !== false || process.env.INGEST_KEEP_CLUSTER === '1') return;
  if (!clusterRunning()) return;
  spawnSync(clusterScript, ['stop'], { stdio: 'ignore', timeout: 120_000 });
}
