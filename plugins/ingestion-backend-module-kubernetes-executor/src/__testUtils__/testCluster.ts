import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { KubernetesClient } from '../kubernetes/KubernetesClient';

/** The checkout this test runs in, found by its test-infra scripts (no machine paths in the tests). */
function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'test-infra/kubernetes/cluster.sh'))) {
      return dir;
    }
    if (path.dirname(dir) === dir) {
      throw new Error(
        `test-infra/kubernetes/cluster.sh not found above ${from}: these tests need the repository's test control plane`,
      );
    }
  }
}

export const repoRoot = findRepoRoot(__dirname);
export const clusterScript = path.join(
  repoRoot,
  'test-infra/kubernetes/cluster.sh',
);

/** Whether every component of the test control plane runs now. */
export function clusterRunning(): boolean {
  return (
    spawnSync(clusterScript, ['status'], { stdio: 'ignore', timeout: 60_000 })
      .status === 0
  );
}

/**
 * Starts the real test control plane (etcd, kube-apiserver, controller-manager, scheduler, kwok, spark-operator:
 * test-infra/kubernetes/README.md), or finds it running, and returns its admin kubeconfig. cluster.sh builds the
 * binaries first when they are not cached (minutes, once). Throws with the script's output when it cannot start:
 * the tests fail, they are never skipped.
 */
export function startTestCluster(): { kubeconfig: string; seconds: number } {
  const started = Date.now();
  const result = spawnSync(clusterScript, ['start'], {
    encoding: 'utf8',
    timeout: 20 * 60_000,
  });
  const kubeconfig = result.stdout?.trim().split('\n').at(-1) ?? '';
  if (result.status !== 0 || !fs.existsSync(kubeconfig)) {
    throw new Error(
      `The test Kubernetes cluster did not start (test-infra/kubernetes/cluster.sh start exited ${
        result.status ?? result.signal
      }${result.error ? `: ${result.error.message}` : ''}):\n${(
        result.stderr ?? ''
      )
        .split('\n')
        .slice(-30)
        .join('\n')}`,
    );
  }
  const seconds = (Date.now() - started) / 1000;
  // Reported by the tests so that start-up times stay visible in CI logs.
  process.stdout.write(
    `[kubernetes-executor tests] cluster.sh start took ${seconds.toFixed(
      1,
    )} s\n`,
  );
  return { kubeconfig, seconds };
}

/** Namespace names of one test file: unique, so test files (and repeated runs) never share state. */
export function testNamespaces(prefix: string) {
  const suffix = Math.random().toString(36).slice(2, 7);
  return {
    dedicated: `${prefix}-${suffix}-dedicated`,
    'vcore-hours': `${prefix}-${suffix}-vcore-hours`,
    draft: `${prefix}-${suffix}-draft`,
  };
}

export async function deleteNamespaces(
  client: KubernetesClient,
  names: string[],
): Promise<void> {
  for (const name of names) {
    await client.delete('v1', 'Namespace', name);
  }
}

/** Polls `probe` until it returns something other than undefined, or fails after `timeoutMs` saying what. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs / 1000}s waiting for ${what}${
          lastError ? ` (last error: ${(lastError as Error).message})` : ''
        }`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}
