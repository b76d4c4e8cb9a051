/**
 * The production executor of the ingestion plugin: runs become spark-operator SparkApplications in the
 * dedicated, vcore-hours and draft namespaces, whose quotas, limit ranges, network policies and priority
 * classes this module keeps in line with the Spark Unit registry.
 *
 * @packageDocumentation
 */
export { ingestionModuleKubernetesExecutor as default } from './module';
export {
  KubernetesSparkExecutor,
  type KubernetesSparkExecutorDeps,
} from './KubernetesSparkExecutor';
export { NamespaceReconciler } from './namespaces/NamespaceReconciler';
export { KubernetesClient } from './kubernetes/KubernetesClient';
export { readKubernetesExecutorConfig } from './config/readKubernetesExecutorConfig';
export type {
  EgressRule,
  KubernetesExecutorOptions,
} from './config/KubernetesExecutorOptions';
export { tenantSecretName, type SecretNaming } from './naming/tenantSecretName';
