/** Where the driver finds job.json: a read-only mount of the run's ConfigMap. */
export const JOB_CONFIG_DIR = '/etc/ingestion';
export const JOB_CONFIG_FILE = 'job.json';
/**
 * Where the application writes result.json, inside the pod; image/kubernetes_main.py copies it to the
 * termination log, where the backend reads it.
 */
export const RESULT_FILE = '/tmp/ingestion/result.json';
/** Spark's event log, which the application sums into result.json's metrics. */
export const EVENT_LOG_DIR = '/tmp/ingestion/events';
