import { RunMetrics } from '@internal/backstage-plugin-ingestion-node';
import { ApplicationResult } from '../application/ApplicationResult';
import { EventLogSummary } from './EventLogSummary';

/**
 * A run's metrics from its event log, with the application's result.json filling what the log lacks.
 *
 * - bytesIn comes from result.json first: Spark's "Bytes Read" is 0 for JDBC reads and, for Parquet on S3A,
 *   counts only the bytes the reader pulled; the application measures it (row size for JDBC, file sizes for S3).
 * - records in/out and bytes out come from the log's copy job (they equal result.json's rowsIn/rowsOut/bytesOut
 *   on a successful run), and from result.json when the log has none (no log, or a run killed early).
 * - duration: ApplicationStart to ApplicationEnd; for a run killed before the end, to its last event; else the
 *   application's own timing, else the process's.
 */
export function toRunMetrics(input: {
  summary?: EventLogSummary;
  result?: ApplicationResult;
  processDurationMs?: number;
}): RunMetrics | undefined {
  const { summary, result, processDurationMs } = input;
  if (!summary && !result && processDurationMs === undefined) {
    return undefined;
  }
  const fromLog = (value: number | undefined) => (value ? value : undefined);
  return {
    durationMs:
      logDuration(summary) ?? result?.durationMs ?? processDurationMs ?? 0,
    cpuTimeMs: Math.floor((summary?.executorCpuTimeNs ?? 0) / 1_000_000),
    executorRunTimeMs: summary?.executorRunTimeMs ?? 0,
    peakMemoryBytes: Math.max(
      summary?.peakExecutionMemoryBytes ?? 0,
      summary?.peakJvmHeapBytes ?? 0,
    ),
    bytesIn: result?.bytesIn ?? summary?.inputBytes ?? 0,
    bytesOut: fromLog(summary?.outputBytes) ?? result?.bytesOut ?? 0,
    recordsIn: fromLog(summary?.inputRecords) ?? result?.rowsIn ?? 0,
    recordsOut: fromLog(summary?.outputRecords) ?? result?.rowsOut ?? 0,
  };
}

function logDuration(summary: EventLogSummary | undefined): number | undefined {
  if (!summary?.startTime) {
    return undefined;
  }
  const end = summary.endTime ?? summary.lastEventTime;
  return end !== undefined && end >= summary.startTime
    ? end - summary.startTime
    : undefined;
}
