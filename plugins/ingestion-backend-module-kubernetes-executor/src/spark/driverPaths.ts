/** Where the driver finds job.json: a read-only mount of the run's ConfigMap. */
export const JOB_CONFIG_DIR = '/etc/ingestion';
export const JOB_CONFIG_FILE = 'job.json';
/**
 * Where the application writes result.json. Inside the pod only: the driver's logs and termination message carry
 * the outcome out (see ../../README.md, "What a run reports").
 */
export const RESULT_FILE = '/tmp/ingestion/result.json';
