import { RunSubmission } from '@internal/backstage-plugin-ingestion-node';
import { KubernetesExecutorOptions } from '../config/KubernetesExecutorOptions';
import {
  jobConfigMapName,
  sparkApplicationName,
} from '../naming/sparkApplicationName';
import { priorityClassFor } from '../namespaces/priorityClasses';
import { credentialEnv } from './credentialEnv';
import {
  EVENT_LOG_DIR,
  JOB_CONFIG_DIR,
  JOB_CONFIG_FILE,
  RESULT_FILE,
} from './driverPaths';
import { cpuQuantity, sparkMemory } from './podResources';
import { runAnnotations, runLabels } from './runLabels';
import { SPARK_APPLICATION, SparkApplication } from './SparkApplication';

/** Container names Spark looks for in pod templates (spark-operator's defaults for Spark 3+). */
const DRIVER_CONTAINER = 'spark-kubernetes-driver';
const EXECUTOR_CONTAINER = 'spark-kubernetes-executor';

const OPPORTUNISTIC_GRACE_SECONDS = 10;

export type BuildSparkApplicationOptions = Pick<
  KubernetesExecutorOptions,
  | 'image'
  | 'imagePullPolicy'
  | 'sparkVersion'
  | 'mainApplicationFile'
  | 'serviceAccount'
  | 'ttlSeconds'
  | 'sparkConf'
  | 'secretNaming'
>;

/**
 * The SparkApplication of a run.
 *
 * - Sizes: cores and memory exactly as allocated (requests = limits, overhead carved out of the allocation), so
 *   the pods use what the scheduler admitted and the namespace quota counts the same numbers.
 * - Pod templates carry what Spark has no property for (priority class, credentials from Secrets, the job.json
 *   mount). spark-operator passes them to spark-submit itself; with a template and Spark >= 3 it does not mark
 *   the pods for its mutating webhook, so nothing here depends on the webhook running.
 * - Labels on the SparkApplication and, through spark-operator, on every pod: the catalog's Kubernetes tab
 *   finds a job's pods by `ingestion.backstage.io/job-id`, NetworkPolicies select a run's pods by run id.
 * - restartPolicy Never: a failed run is reported to the scheduler, which owns retries.
 */
export function buildSparkApplication(
  run: RunSubmission,
  options: BuildSparkApplicationOptions,
  extra: { driverAnnotations?: Record<string, string> } = {},
): SparkApplication {
  const labels = runLabels(run);
  const priorityClassName = priorityClassFor(run);
  const { resources } = run;
  if (
    !Number.isInteger(resources.executorInstances) ||
    resources.executorInstances < 1
  ) {
    throw new Error(
      `resources.executorInstances must be a whole number of at least 1, got ${resources.executorInstances}`,
    );
  }
  // Borrowed capacity must come back fast (Requirement 8.4: within 30 s): an opportunistic pod that is
  // preempted or cancelled gets 10 s to stop instead of Kubernetes' default 30 s.
  const gracePeriod = run.opportunistic
    ? { terminationGracePeriodSeconds: OPPORTUNISTIC_GRACE_SECONDS }
    : {};
  const driverMemory = sparkMemory(resources.driverMemoryMiB, 'driver');
  const executorMemory = sparkMemory(resources.executorMemoryMiB, 'executor');

  return {
    apiVersion: SPARK_APPLICATION.apiVersion,
    kind: SPARK_APPLICATION.kind,
    metadata: {
      name: sparkApplicationName(run.runId),
      namespace: run.namespace,
      labels,
      annotations: runAnnotations(run),
    },
    spec: {
      type: 'Python',
      pythonVersion: '3',
      mode: 'cluster',
      image: options.image,
      ...(options.imagePullPolicy && {
        imagePullPolicy: options.imagePullPolicy,
      }),
      sparkVersion: options.sparkVersion,
      mainApplicationFile: options.mainApplicationFile,
      arguments: [
        '--config',
        `${JOB_CONFIG_DIR}/${JOB_CONFIG_FILE}`,
        '--result',
        RESULT_FILE,
        '--event-log-dir',
        EVENT_LOG_DIR,
      ],
      ...(Object.keys(options.sparkConf).length > 0 && {
        sparkConf: { ...options.sparkConf },
      }),
      restartPolicy: { type: 'Never' },
      timeToLiveSeconds: options.ttlSeconds,
      driver: {
        cores: wholeCores(resources.driverCores),
        coreRequest: cpuQuantity(resources.driverCores),
        coreLimit: cpuQuantity(resources.driverCores),
        ...driverMemory,
        serviceAccount: options.serviceAccount,
        labels,
        ...(extra.driverAnnotations && {
          annotations: { ...extra.driverAnnotations },
        }),
        // Read only by spark-operator's webhook and batch schedulers; the template below is what Spark applies.
        priorityClassName,
        template: {
          metadata: { labels },
          spec: {
            priorityClassName,
            ...gracePeriod,
            containers: [
              {
                name: DRIVER_CONTAINER,
                env: credentialEnv(run, options.secretNaming),
                volumeMounts: [
                  {
                    name: 'job-config',
                    mountPath: JOB_CONFIG_DIR,
                    readOnly: true,
                  },
                ],
                // kubernetes_main.py writes result.json to the termination log; if it never got there (a
                // crash), the log's tail becomes the termination message, which observe() reports instead.
                terminationMessagePolicy: 'FallbackToLogsOnError',
              },
            ],
            volumes: [
              {
                name: 'job-config',
                configMap: { name: jobConfigMapName(run.runId) },
              },
            ],
          },
        },
      },
      executor: {
        instances: resources.executorInstances,
        cores: wholeCores(resources.executorCores),
        coreRequest: cpuQuantity(resources.executorCores),
        coreLimit: cpuQuantity(resources.executorCores),
        ...executorMemory,
        serviceAccount: options.serviceAccount,
        labels,
        priorityClassName,
        deleteOnTermination: true,
        template: {
          metadata: { labels },
          spec: {
            priorityClassName,
            ...gracePeriod,
            containers: [{ name: EXECUTOR_CONTAINER }],
          },
        },
      },
    },
  };
}

/** Spark's task slots per pod: a whole number (the CPU request and limit carry the exact allocation). */
function wholeCores(cores: number): number {
  return Math.max(1, Math.ceil(cores));
}
