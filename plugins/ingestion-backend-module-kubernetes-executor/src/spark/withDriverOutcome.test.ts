import { RunObservation } from '@internal/backstage-plugin-ingestion-node';
import { withDriverOutcome } from './withDriverOutcome';

const succeeded: RunObservation = {
  runId: 'r1',
  state: 'succeeded',
  startedAt: '2026-11-27T10:00:00.000Z',
  finishedAt: '2026-11-27T10:05:00.000Z',
};
const failed: RunObservation = {
  runId: 'r1',
  state: 'failed',
  message:
    'the Spark application failed: driver container failed with ExitCode: 1, Reason: Error',
};

// A result.json as ingestion-app writes it (README example), compacted by kubernetes_main.py.
const RESULT = JSON.stringify({
  status: 'succeeded',
  rowsIn: 1000,
  rowsOut: 1000,
  bytesIn: 77008,
  bytesOut: 24998,
  watermark: '2024-02-11 16:00:00',
  jobId: 'orders-hourly',
  runId: 'r1',
  durationMs: 9675,
  metrics: {
    durationMs: 8682,
    executorRunTimeMs: 2876,
    executorCpuTimeMs: 1270,
    peakExecutionMemoryBytes: 8454128,
    peakJvmHeapBytes: 219321536,
    inputBytes: 0,
    inputRecords: 1000,
    outputBytes: 24998,
    outputRecords: 1000,
  },
});

describe('withDriverOutcome', () => {
  it('takes metrics and the new watermark from a succeeded run’s result', () => {
    expect(withDriverOutcome(succeeded, RESULT)).toEqual({
      ...succeeded,
      watermark: '2024-02-11 16:00:00',
      metrics: {
        durationMs: 8682,
        cpuTimeMs: 1270,
        executorRunTimeMs: 2876,
        peakMemoryBytes: 219321536,
        bytesIn: 77008,
        bytesOut: 24998,
        recordsIn: 1000,
        recordsOut: 1000,
      },
    });
  });

  it('reports a watermark of null when the application found none', () => {
    const result = JSON.stringify({
      status: 'succeeded',
      rowsIn: 0,
      rowsOut: 0,
    });
    expect(withDriverOutcome(succeeded, result)).toMatchObject({
      watermark: null,
      metrics: { recordsIn: 0, durationMs: 0 },
    });
  });

  it('reports the application’s own error for a failed run', () => {
    const result = JSON.stringify({
      status: 'failed',
      error: 'invalid config: source.table: one of table or query is required',
      errorField: 'source.table',
      durationMs: 120,
    });
    expect(withDriverOutcome(failed, result)).toMatchObject({
      state: 'failed',
      message:
        'invalid config: source.table: one of table or query is required',
      metrics: { durationMs: 120 },
    });
  });

  it('falls back to the log tail when the driver left no result', () => {
    expect(
      withDriverOutcome(
        failed,
        'line\njava.lang.OutOfMemoryError: Java heap space',
      ),
    ).toEqual({
      ...failed,
      message: `${failed.message}: java.lang.OutOfMemoryError: Java heap space`,
    });
    expect(withDriverOutcome(succeeded, undefined)).toEqual(succeeded);
    expect(withDriverOutcome(succeeded, '{not json')).toEqual(succeeded);
  });

  it('leaves unfinished runs alone', () => {
    const running: RunObservation = { runId: 'r1', state: 'running' };
    expect(withDriverOutcome(running, RESULT)).toBe(running);
  });
});
