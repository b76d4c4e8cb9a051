import { NamespaceTier } from '@internal/backstage-plugin-ingestion-common';
import { KubernetesExecutorOptions } from '../config/KubernetesExecutorOptions';

/**
 * Options for the test control plane. The image is never pulled (kwok fakes the pods), but spark-operator needs
 * a Spark version and spark-submit a main file name.
 */
export function testExecutorOptions(
  kubeconfigPath: string,
  namespaces: Record<NamespaceTier, string>,
): KubernetesExecutorOptions {
  return {
    kubeconfigPath,
    namespaces,
    image: 'registry.invalid/ingestion-spark:test',
    sparkVersion: '4.1.4',
    mainApplicationFile: 'local:///opt/ingestion-app/kubernetes_main.py',
    serviceAccount: 'ingestion-spark',
    ttlSeconds: 3600,
    sparkConf: {},
    secretNaming: 'tenant-scoped',
    reconcileIntervalSeconds: 300,
    networkPolicy: { dnsNamespace: 'kube-system', additionalEgress: [] },
  };
}
