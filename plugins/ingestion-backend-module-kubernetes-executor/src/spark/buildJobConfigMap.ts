import { RunSubmission } from '@internal/backstage-plugin-ingestion-node';
import {
  KubernetesObject,
  OwnerReference,
} from '../kubernetes/KubernetesObject';
import { jobConfigMapName } from '../naming/sparkApplicationName';
import { JOB_CONFIG_FILE } from './driverPaths';
import { runAnnotations, runLabels } from './runLabels';
import { toJobJson } from './toJobJson';

/**
 * The ConfigMap holding a run's job.json, mounted into the driver. A ConfigMap rather than arguments: a SQL
 * query can be 20 000 characters, and the file is what the application reads. No credentials are in it.
 * Owned by the run's SparkApplication once that exists, so it goes when the run is deleted or expires.
 */
export function buildJobConfigMap(
  run: RunSubmission,
  owner?: OwnerReference,
): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: jobConfigMapName(run.runId),
      namespace: run.namespace,
      labels: runLabels(run),
      annotations: runAnnotations(run),
      ...(owner && { ownerReferences: [owner] }),
    },
    data: {
      [JOB_CONFIG_FILE]: `${JSON.stringify(toJobJson(run), null, 2)}\n`,
    },
  };
}
