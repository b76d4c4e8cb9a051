import { pathToFileURL } from 'node:url';

/** Where one run's files live, and what it may use. */
export interface SparkSubmitInput {
  cores: number;
  driverMemoryMiB: number;
  /** Absolute paths. */
  jars: string[];
  applicationFile: string;
  jobFile: string;
  resultFile: string;
  eventLogDir: string;
  /** Spark's scratch space (copied jars, shuffle files): inside the run's folder, so it goes with the run. */
  localDir: string;
}

/** The spark-submit command line of one run, per the application's contract (ingestion-app/README.md). */
export function sparkSubmitArguments(input: SparkSubmitInput): string[] {
  const conf = (key: string, value: string) => ['--conf', `${key}=${value}`];
  return [
    '--master',
    `local[${input.cores}]`,
    '--driver-memory',
    `${input.driverMemoryMiB}m`,
    ...(input.jars.length > 0 ? ['--jars', input.jars.join(',')] : []),
    // Metrics come from the event log. Spark 4 rolls and compresses it by default; one plain file is what
    // both the application's summary and this executor's parser read.
    ...conf('spark.eventLog.enabled', 'true'),
    ...conf('spark.eventLog.dir', pathToFileURL(input.eventLogDir).href),
    ...conf('spark.eventLog.rolling.enabled', 'false'),
    ...conf('spark.eventLog.compress', 'false'),
    ...conf('spark.local.dir', input.localDir),
    input.applicationFile,
    '--config',
    input.jobFile,
    '--result',
    input.resultFile,
  ];
}
