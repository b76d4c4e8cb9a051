import { driverFailureReason } from './driverFailureReason';

describe('driverFailureReason', () => {
  it('prefers the ingestion application’s own failure line', () => {
    expect(
      driverFailureReason(
        [
          '24/11/27 10:00:01 INFO SparkContext: Running Spark version 4.1.4',
          'ingestion_app: failed: cannot reach postgres source at 10.0.0.5:5432: Connection refused',
          '24/11/27 10:00:02 INFO ShutdownHookManager: Shutdown hook called',
        ].join('\n'),
      ),
    ).toBe('cannot reach postgres source at 10.0.0.5:5432: Connection refused');
  });

  it('falls back to the last line', () => {
    expect(
      driverFailureReason('first\nOutOfMemoryError: Java heap space\n\n'),
    ).toBe('OutOfMemoryError: Java heap space');
    expect(driverFailureReason(undefined)).toBeUndefined();
    expect(driverFailureReason('')).toBeUndefined();
  });
});
