import { ApplicationResult } from '../application/ApplicationResult';
import { EventLogSummary } from './EventLogSummary';
import { toRunMetrics } from './toRunMetrics';

const summary: EventLogSummary = {
  appId: 'local-1',
  startTime: 10_000,
  endTime: 25_000,
  lastEventTime: 25_000,
  tasks: 7,
  failedTasks: 0,
  executorRunTimeMs: 8210,
  executorCpuTimeNs: 1_375_468_334,
  jvmGcTimeMs: 248,
  peakExecutionMemoryBytes: 8_454_128,
  peakJvmHeapBytes: 151_630_888,
  peakJvmRssBytes: 501_501_952,
  inputBytes: 0,
  inputRecords: 3000,
  outputBytes: 56_260,
  outputRecords: 3000,
};

const result: ApplicationResult = {
  status: 'succeeded',
  rowsIn: 3000,
  rowsOut: 3000,
  bytesIn: 231_593,
  bytesOut: 56_260,
  durationMs: 15_770,
};

describe('toRunMetrics', () => {
  it('takes engine figures from the event log and bytes in from the application', () => {
    expect(toRunMetrics({ summary, result })).toEqual({
      durationMs: 15_000,
      cpuTimeMs: 1375,
      executorRunTimeMs: 8210,
      peakMemoryBytes: 151_630_888,
      // JDBC reads report 0 bytes read to Spark; the application measured the rows.
      bytesIn: 231_593,
      bytesOut: 56_260,
      recordsIn: 3000,
      recordsOut: 3000,
    });
  });

  it('takes the execution memory peak when it is above the heap peak', () => {
    const metrics = toRunMetrics({
      summary: {
        ...summary,
        peakExecutionMemoryBytes: 2e9,
        peakJvmHeapBytes: 1e9,
      },
    });
    expect(metrics?.peakMemoryBytes).toBe(2e9);
  });

  it('falls back to result.json where the log has nothing', () => {
    const emptyLog: EventLogSummary = {
      ...summary,
      endTime: undefined,
      lastEventTime: undefined,
      startTime: undefined,
      executorCpuTimeNs: 0,
      inputRecords: 0,
      outputBytes: 0,
      outputRecords: 0,
    };
    expect(toRunMetrics({ summary: emptyLog, result })).toMatchObject({
      durationMs: 15_770,
      bytesOut: 56_260,
      recordsIn: 3000,
      recordsOut: 3000,
    });
  });

  it('measures a killed run up to its last event, else by its process', () => {
    expect(
      toRunMetrics({
        summary: { ...summary, endTime: undefined, lastEventTime: 12_500 },
      })?.durationMs,
    ).toBe(2500);
    expect(toRunMetrics({ processDurationMs: 4200 })).toEqual({
      durationMs: 4200,
      cpuTimeMs: 0,
      executorRunTimeMs: 0,
      peakMemoryBytes: 0,
      bytesIn: 0,
      bytesOut: 0,
      recordsIn: 0,
      recordsOut: 0,
    });
  });

  it('has no metrics when nothing was measured', () => {
    expect(toRunMetrics({})).toBeUndefined();
  });
});
