import { SparkApplication } from './SparkApplication';
import { summarize, toRunObservation } from './toRunObservation';

function app(status: SparkApplication['status']): SparkApplication {
  return {
    apiVersion: 'sparkoperator.k8s.io/v1beta2',
    kind: 'SparkApplication',
    metadata: { name: 'ingest-r1', namespace: 'ns' },
    spec: {} as SparkApplication['spec'],
    status,
  };
}

const SUBMITTED_AT = '2026-11-27T10:00:00Z';
const ENDED_AT = '2026-11-27T10:05:00Z';

describe('toRunObservation', () => {
  it.each([
    [undefined, 'submitted'],
    ['', 'submitted'],
    ['SUBMITTED', 'submitted'],
    ['PENDING_RERUN', 'submitted'],
    ['SUSPENDED', 'submitted'],
    ['RUNNING', 'running'],
    ['SUCCEEDING', 'running'],
    ['FAILING', 'running'],
    ['UNKNOWN', 'running'],
    ['COMPLETED', 'succeeded'],
    ['FAILED', 'failed'],
    ['SUBMISSION_FAILED', 'failed'],
    ['INVALIDATING', 'failed'],
  ] as const)('reads %s as %s', (state, expected) => {
    const observed = toRunObservation(
      'r1',
      app(state === undefined ? undefined : { applicationState: { state } }),
    );
    expect(observed).toMatchObject({ runId: 'r1', state: expected });
  });

  it('starts at the submission attempt and ends at termination', () => {
    expect(
      toRunObservation(
        'r1',
        app({
          applicationState: { state: 'RUNNING' },
          lastSubmissionAttemptTime: SUBMITTED_AT,
          terminationTime: null,
        }),
      ),
    ).toEqual({
      runId: 'r1',
      state: 'running',
      startedAt: '2026-11-27T10:00:00.000Z',
    });
    expect(
      toRunObservation(
        'r1',
        app({
          applicationState: { state: 'COMPLETED' },
          lastSubmissionAttemptTime: SUBMITTED_AT,
          terminationTime: ENDED_AT,
        }),
      ),
    ).toEqual({
      runId: 'r1',
      state: 'succeeded',
      startedAt: '2026-11-27T10:00:00.000Z',
      finishedAt: '2026-11-27T10:05:00.000Z',
    });
  });

  it('gives no start time to a run that has not started', () => {
    expect(
      toRunObservation(
        'r1',
        app({
          applicationState: { state: 'SUBMITTED' },
          lastSubmissionAttemptTime: SUBMITTED_AT,
        }),
      ),
    ).toEqual({ runId: 'r1', state: 'submitted' });
  });

  it('reports why a run failed', () => {
    expect(
      toRunObservation(
        'r1',
        app({
          applicationState: {
            state: 'FAILED',
            errorMessage:
              'driver container failed with ExitCode: 1, Reason: Error',
          },
          lastSubmissionAttemptTime: SUBMITTED_AT,
          terminationTime: ENDED_AT,
          driverInfo: { podName: 'ingest-r1-driver' },
          executionAttempts: 1,
        }),
      ),
    ).toMatchObject({
      state: 'failed',
      finishedAt: '2026-11-27T10:05:00.000Z',
      message:
        'the Spark application failed: driver container failed with ExitCode: 1, Reason: Error',
    });
  });

  it.each(['SUBMISSION_FAILED', 'FAILED'] as const)(
    'ends a run that never got a driver (%s) when its submission was attempted',
    state => {
      expect(
        toRunObservation(
          'r1',
          app({
            applicationState: {
              state,
              errorMessage: 'failed to run spark-submit: boom\nat line 2',
            },
            lastSubmissionAttemptTime: SUBMITTED_AT,
            driverInfo: { podName: 'ingest-r1-driver' },
          }),
        ),
      ).toMatchObject({
        state: 'failed',
        finishedAt: '2026-11-27T10:00:00.000Z',
        message: 'the run could not start: failed to run spark-submit: boom',
      });
    },
  );
});

describe('summarize', () => {
  it('takes the API server’s refusal out of a spark-submit exception', () => {
    // As spark-operator recorded it for a driver pod beyond the quota (one line, then the stack trace).
    const stderr = [
      'Exception in thread "main" io.fabric8.kubernetes.client.KubernetesClientException: Failure executing: POST at: https://127.0.0.1:56443/api/v1/namespaces/ns/pods. Message: pods "ingest-r1-driver" is forbidden: exceeded quota: spark-units, requested: limits.cpu=3,requests.cpu=3, used: limits.cpu=0,requests.cpu=0, limited: limits.cpu=2,requests.cpu=2. Received status: Status(apiVersion=v1, code=403, kind=Status, message=pods "ingest-r1-driver" is forbidden: exceeded quota: spark-units, reason=Forbidden).',
      '\tat io.fabric8.kubernetes.client.dsl.internal.OperationSupport.requestFailure(OperationSupport.java:518)',
    ].join('\n');
    expect(summarize(stderr)).toBe(
      'pods "ingest-r1-driver" is forbidden: exceeded quota: spark-units, requested: limits.cpu=3,requests.cpu=3, used: limits.cpu=0,requests.cpu=0, limited: limits.cpu=2,requests.cpu=2',
    );
  });

  it('cuts long messages', () => {
    expect(summarize('x'.repeat(5000))).toHaveLength(1000);
  });
});
