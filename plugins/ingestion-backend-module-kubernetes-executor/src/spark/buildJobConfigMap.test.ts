import { runSubmission } from '../__testUtils__/runSubmission';
import { buildJobConfigMap } from './buildJobConfigMap';

describe('buildJobConfigMap', () => {
  it('holds the application’s job.json without secret references', () => {
    const run = runSubmission({
      application: {
        ...runSubmission().application,
        watermark: '2024-06-01 10:59:00',
      },
    });
    const configMap = buildJobConfigMap(run);
    expect(configMap.metadata).toMatchObject({
      name: 'ingest-0b7c2d1e-5f3a-4c8b-9d2e-1a2b3c4d5e6f-job',
      namespace: 'ingestion-vcore-hours',
    });
    const job = JSON.parse(
      (configMap.data as Record<string, string>)['job.json'],
    );
    expect(job).toEqual({
      jobId: run.jobId,
      runId: run.runId,
      source: {
        type: 'postgres',
        host: '10.20.30.40',
        port: 5432,
        database: 'shop',
        table: 'public.orders',
      },
      target: {
        type: 's3',
        path: 's3a://lake/orders',
        format: 'parquet',
        endpoint: 'http://10.20.30.50:9000',
      },
      watermark: '2024-06-01 10:59:00',
    });
  });

  it('is owned by the SparkApplication once it exists', () => {
    const owner = {
      apiVersion: 'sparkoperator.k8s.io/v1beta2',
      kind: 'SparkApplication',
      name: 'ingest-x',
      uid: 'u-1',
      controller: true,
    };
    expect(
      buildJobConfigMap(runSubmission(), owner).metadata.ownerReferences,
    ).toEqual([owner]);
  });

  it('refuses a local target, which only the local executor can write', () => {
    const run = runSubmission();
    run.application.target = { type: 'local', path: '/tmp/lake' };
    expect(() => buildJobConfigMap(run)).toThrow(/^target.type: local/);
  });
});
