import type {
  ApplicationResult,
  RunMetrics,
} from '@internal/backstage-plugin-ingestion-node';

/** The application's result.json, shared by every executor (ingestion-node), as the driver's termination message carries it. */
export type { ApplicationResult } from '@internal/backstage-plugin-ingestion-node';

/** A result.json in a termination message, or undefined for anything else (a log tail, nothing). */
export function parseApplicationResult(
  message: string | undefined,
): ApplicationResult | undefined {
  if (!message?.trim().startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(message);
    return parsed?.status === 'succeeded' || parsed?.status === 'failed'
      ? parsed
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A run's metrics from the application's result, the same way the local executor reads them: bytes in from the
 * application's own count (Spark reports 0 for JDBC reads), records and bytes out from Spark's copy job when it
 * counted them, else from the application.
 */
export function toRunMetrics(result: ApplicationResult): RunMetrics {
  const m = result.metrics ?? {};
  const positive = (value: number | undefined) => (value ? value : undefined);
  return {
    durationMs: m.durationMs ?? result.durationMs ?? 0,
    cpuTimeMs: m.executorCpuTimeMs ?? 0,
    executorRunTimeMs: m.executorRunTimeMs ?? 0,
    peakMemoryBytes: Math.max(
      m.peakExecutionMemoryBytes ?? 0,
      m.peakJvmHeapBytes ?? 0,
    ),
    bytesIn: result.bytesIn ?? m.inputBytes ?? 0,
    bytesOut: positive(m.outputBytes) ?? result.bytesOut ?? 0,
    recordsIn: positive(m.inputRecords) ?? result.rowsIn ?? 0,
    recordsOut: positive(m.outputRecords) ?? result.rowsOut ?? 0,
  };
}
