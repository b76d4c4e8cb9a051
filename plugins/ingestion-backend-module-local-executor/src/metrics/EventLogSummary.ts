/**
 * What one Spark application's event log says it cost and moved. Fields named after what they measure; times are
 * epoch milliseconds.
 */
export interface EventLogSummary {
  appId?: string;
  startTime?: number;
  /** Only when the application stopped cleanly (not for a killed run). */
  endTime?: number;
  /** Latest time any event mentions: the end of a run that was killed before ApplicationEnd. */
  lastEventTime?: number;
  tasks: number;
  failedTasks: number;
  executorRunTimeMs: number;
  executorCpuTimeNs: number;
  jvmGcTimeMs: number;
  peakExecutionMemoryBytes: number;
  peakJvmHeapBytes: number;
  peakJvmRssBytes: number;
  /** Input/output of the application's copy job (job group `ingest-copy`), or of every task without groups. */
  inputBytes: number;
  inputRecords: number;
  outputBytes: number;
  outputRecords: number;
}
