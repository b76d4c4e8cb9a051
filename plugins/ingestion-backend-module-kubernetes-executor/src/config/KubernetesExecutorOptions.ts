import { NamespaceTier } from '@internal/backstage-plugin-ingestion-common';
import { SecretNaming } from '../naming/tenantSecretName';

/** An address range and ports that pods of the ingestion namespaces may reach. */
export interface EgressRule {
  cidr: string;
  /** Ranges inside `cidr` that stay unreachable. */
  except?: string[];
  /** TCP ports; every port when empty. */
  ports: number[];
}

/**
 * Settings of the Kubernetes executor and namespace reconciler, read from `ingestion.executors.kubernetes` and
 * `ingestion.namespaces.<tier>.name` (see config.d.ts).
 *
 * @public
 */
export interface KubernetesExecutorOptions {
  /** A kubeconfig file; without it the in-cluster service account (or $KUBECONFIG, ~/.kube/config). */
  kubeconfigPath?: string;
  /** Context of that kubeconfig to use; its current context when absent. */
  context?: string;
  /** Kubernetes namespace of each tier. */
  namespaces: Record<NamespaceTier, string>;
  /** The job image: a Spark image with the ingestion application and its JDBC/S3 jars. */
  image: string;
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  sparkVersion: string;
  /** The entry point inside the image: image/kubernetes_main.py, which runs the ingestion application. */
  mainApplicationFile: string;
  /** Service account of the driver pods (the reconciler creates it with the Role Spark's driver needs). */
  serviceAccount: string;
  /** How long a finished SparkApplication (and its pods, ConfigMap, NetworkPolicy) is kept. */
  ttlSeconds: number;
  /** Extra Spark properties for every run. */
  sparkConf: Record<string, string>;
  secretNaming: SecretNaming;
  /** Seconds between two reconciliations of the namespaces besides the ones registry events trigger. */
  reconcileIntervalSeconds: number;
  networkPolicy: {
    /** Namespace of the cluster DNS, which every pod may reach on port 53. */
    dnsNamespace: string;
    /** Where drivers reach the Kubernetes API to start executors; discovered from the cluster when absent. */
    apiServer?: EgressRule[];
    /** Ranges every run may reach besides its source and target (e.g. HDFS DataNodes, a node-local DNS cache). */
    additionalEgress: EgressRule[];
  };
}
