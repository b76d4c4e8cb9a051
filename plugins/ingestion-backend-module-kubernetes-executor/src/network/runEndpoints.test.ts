import { runSubmission } from '../__testUtils__/runSubmission';
import { runEndpoints } from './runEndpoints';

describe('runEndpoints', () => {
  it('reads the JDBC host and the S3 endpoint', () => {
    expect(runEndpoints(runSubmission())).toEqual([
      { kind: 'host', host: '10.20.30.40', port: 5432, for: 'source' },
      { kind: 'host', host: '10.20.30.50', port: 9000, for: 'target.endpoint' },
    ]);
  });

  it('takes the port of an S3 endpoint from its scheme when it has none', () => {
    const run = runSubmission();
    run.application.target.endpoint = 'https://s3.internal.example';
    expect(runEndpoints(run)[1]).toEqual({
      kind: 'host',
      host: 's3.internal.example',
      port: 443,
      for: 'target.endpoint',
    });
  });

  it('reads AWS S3 without an endpoint as public HTTPS', () => {
    const run = runSubmission();
    run.application.source = {
      type: 's3',
      bucket: 'raw',
      prefix: '',
      format: 'csv',
    };
    delete run.application.target.endpoint;
    expect(runEndpoints(run)).toEqual([
      { kind: 'public-https', for: 'source.endpoint' },
      { kind: 'public-https', for: 'target.endpoint' },
    ]);
  });

  it('reads the HDFS NameNode from the target path, port 8020 by default', () => {
    const run = runSubmission();
    run.application.target = {
      type: 'hdfs',
      path: 'hdfs://namenode.lake:9000/warehouse/orders',
      format: 'parquet',
    };
    expect(runEndpoints(run)[1]).toEqual({
      kind: 'host',
      host: 'namenode.lake',
      port: 9000,
      for: 'target.path',
    });
    run.application.target.path = 'hdfs://namenode.lake/warehouse/orders';
    expect(runEndpoints(run)[1]).toMatchObject({ port: 8020 });
  });
});
