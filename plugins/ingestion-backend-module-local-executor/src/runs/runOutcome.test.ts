import { RunMetrics } from '@internal/backstage-plugin-ingestion-node';
import { RunState } from './RunState';
import { runOutcome } from './runOutcome';

const started: RunState = {
  runId: 'r1',
  jobId: 'j1',
  submittedAt: '2024-05-01T02:00:00.000Z',
  pid: 4242,
  pgid: 4242,
  processStartTime: '123456',
  startedAt: '2024-05-01T02:00:00.100Z',
};
const metrics: RunMetrics = {
  durationMs: 9000,
  cpuTimeMs: 1200,
  executorRunTimeMs: 3000,
  peakMemoryBytes: 2e8,
  bytesIn: 70_000,
  bytesOut: 25_000,
  recordsIn: 1000,
  recordsOut: 1000,
};
const finishedAt = '2024-05-01T02:00:12.000Z';
const facts = {
  runId: 'r1',
  preparing: false,
  processAlive: false,
  finishedAt,
  metrics,
};

describe('runOutcome', () => {
  it('is submitted while this backend prepares the run, running while its process lives', () => {
    expect(runOutcome({ ...facts, preparing: true })).toEqual({
      runId: 'r1',
      state: 'submitted',
    });
    expect(
      runOutcome({
        ...facts,
        state: started,
        processAlive: true,
        result: { status: 'succeeded' },
      }),
    ).toEqual({ runId: 'r1', state: 'running', startedAt: started.startedAt });
  });

  it('reports a success with its watermark, output and metrics', () => {
    expect(
      runOutcome({
        ...facts,
        state: started,
        result: {
          status: 'succeeded',
          watermark: '2024-05-01 01:59:00',
          outputPath: 's3a://lake/orders/run_id=r1',
        },
      }),
    ).toEqual({
      runId: 'r1',
      state: 'succeeded',
      startedAt: started.startedAt,
      finishedAt,
      metrics,
      watermark: '2024-05-01 01:59:00',
      outputPath: 's3a://lake/orders/run_id=r1',
    });
  });

  it("reports a failure with the application's message", () => {
    expect(
      runOutcome({
        ...facts,
        state: started,
        result: { status: 'failed', error: 'cannot reach postgres source' },
      }),
    ).toMatchObject({
      state: 'failed',
      message: 'cannot reach postgres source',
    });
  });

  it('reports a cancelled run as cancelled, unless it had already published its data', () => {
    const cancelled = {
      ...started,
      cancelRequestedAt: '2024-05-01T02:00:05.000Z',
    };
    expect(runOutcome({ ...facts, state: cancelled })).toMatchObject({
      state: 'cancelled',
    });
    expect(
      runOutcome({
        ...facts,
        state: cancelled,
        result: { status: 'failed', error: 'SIGTERM' },
      }),
    ).toMatchObject({
      state: 'cancelled',
    });
    expect(
      runOutcome({
        ...facts,
        state: cancelled,
        result: { status: 'succeeded', watermark: null },
      }),
    ).toMatchObject({
      state: 'succeeded',
      watermark: null,
    });
  });

  it('explains a process that ended without result.json with its exit and last output', () => {
    const killed = {
      ...started,
      exit: { code: null, signal: 'SIGKILL', at: finishedAt },
    };
    expect(
      runOutcome({
        ...facts,
        state: killed,
        logTail: 'java.lang.OutOfMemoryError',
      }).message,
    ).toBe(
      'spark-submit was killed by SIGKILL without writing result.json; its last output:\njava.lang.OutOfMemoryError',
    );
    const exited = {
      ...started,
      exit: { code: 127, signal: null, at: finishedAt },
    };
    expect(runOutcome({ ...facts, state: exited }).message).toBe(
      'spark-submit exited with code 127 without writing result.json',
    );
    expect(runOutcome({ ...facts, state: started }).message).toBe(
      'spark-submit ended without writing result.json',
    );
  });

  it('reports a submission interrupted before spark-submit started as failed', () => {
    const neverStarted: RunState = {
      runId: 'r1',
      jobId: 'j1',
      submittedAt: started.submittedAt,
    };
    expect(
      runOutcome({ ...facts, state: neverStarted, metrics: undefined }),
    ).toEqual({
      runId: 'r1',
      state: 'failed',
      startedAt: undefined,
      finishedAt,
      message:
        'the submission was interrupted before spark-submit started (the backend stopped)',
    });
  });
});
