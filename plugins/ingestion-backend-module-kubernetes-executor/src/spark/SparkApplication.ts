import { KubernetesObject } from '../kubernetes/KubernetesObject';

/** spark-operator's custom resource (Kubeflow spark-operator v2, sparkoperator.k8s.io/v1beta2). */
export const SPARK_APPLICATION = {
  apiVersion: 'sparkoperator.k8s.io/v1beta2',
  kind: 'SparkApplication',
} as const;

/** `status.applicationState.state` as spark-operator v2.5 writes it ('' before the operator has seen it). */
export type SparkApplicationState =
  | ''
  | 'SUBMITTED'
  | 'RUNNING'
  | 'COMPLETED'
  | 'FAILED'
  | 'SUBMISSION_FAILED'
  | 'PENDING_RERUN'
  | 'INVALIDATING'
  | 'SUCCEEDING'
  | 'FAILING'
  | 'SUSPENDING'
  | 'SUSPENDED'
  | 'RESUMING'
  | 'UNKNOWN';

/** The parts of a driver's or executor's spec this module sets. */
export interface SparkPodSpec {
  cores: number;
  coreRequest: string;
  coreLimit: string;
  memory: string;
  memoryOverhead: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  serviceAccount?: string;
  priorityClassName: string;
  instances?: number;
  deleteOnTermination?: boolean;
  /** A pod template Spark starts the pod from (Spark >= 3), so nothing depends on spark-operator's webhook. */
  template: PodTemplate;
}

export interface PodTemplate {
  metadata?: { labels?: Record<string, string> };
  spec: {
    priorityClassName?: string;
    terminationGracePeriodSeconds?: number;
    containers: Array<Record<string, unknown> & { name: string }>;
    volumes?: Array<Record<string, unknown>>;
  };
}

/** A SparkApplication as this module writes and reads it. */
export interface SparkApplication extends KubernetesObject {
  spec: {
    type: 'Python' | 'Scala' | 'Java' | 'R';
    pythonVersion?: string;
    mode: 'cluster';
    image: string;
    imagePullPolicy?: string;
    sparkVersion: string;
    mainApplicationFile: string;
    arguments: string[];
    sparkConf?: Record<string, string>;
    restartPolicy: { type: 'Never' | 'OnFailure' | 'Always' };
    timeToLiveSeconds: number;
    driver: SparkPodSpec;
    executor: SparkPodSpec;
  };
  status?: {
    applicationState?: { state?: SparkApplicationState; errorMessage?: string };
    lastSubmissionAttemptTime?: string | Date | null;
    terminationTime?: string | Date | null;
    driverInfo?: { podName?: string };
    /** spark-submit runs that created a driver (spark-operator does not count failed submissions). */
    executionAttempts?: number;
    sparkApplicationId?: string;
  };
}
