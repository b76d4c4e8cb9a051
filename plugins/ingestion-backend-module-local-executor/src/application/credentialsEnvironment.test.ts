import { runSubmission } from '../__testUtils__/runSubmission';
import { credentialsEnvironment } from './credentialsEnvironment';

// runSubmission() is a run of group:default/team-a.
const secrets = {
  'group:default/team-a': {
    'shop-db': { user: 'reader', password: 's3cret' },
    'lake-writer': { accessKey: 'AKIA1', secretKey: 'shh' },
    'other-keys': { accessKey: 'AKIA2', secretKey: 'hush' },
    'no-user': { password: 'x' },
    'half-keys': { accessKey: 'AKIA3' },
  },
  'group:default/team-b': {
    'superuser-db': { user: 'postgres', password: 'root' },
  },
};

describe('credentialsEnvironment', () => {
  it('puts the source user and password and the S3 keys into the application variables', () => {
    expect(credentialsEnvironment(runSubmission(), secrets)).toEqual({
      INGEST_SOURCE_USER: 'reader',
      INGEST_SOURCE_PASSWORD: 's3cret',
      INGEST_S3_ACCESS_KEY: 'AKIA1',
      INGEST_S3_SECRET_KEY: 'shh',
    });
  });

  it('fails naming the secret and the config key when a secret is not configured', () => {
    const run = runSubmission();
    run.application.source.credentialsSecret = 'unknown-db';
    expect(() => credentialsEnvironment(run, secrets)).toThrow(
      'secret unknown-db (source.credentialsSecret) is not configured for group:default/team-a in the local executor: add { tenant: group:default/team-a, name: unknown-db } to ingestion.executors.local.secrets',
    );
  });

  it('never hands a run another tenant’s secret, whatever name the job writes', () => {
    const run = runSubmission();
    run.application.source.credentialsSecret = 'superuser-db';
    expect(() => credentialsEnvironment(run, secrets)).toThrow(
      'secret superuser-db (source.credentialsSecret) is not configured for group:default/team-a',
    );
    const foreign = { ...run, tenant: 'group:default/team-b' };
    foreign.application = {
      ...run.application,
      target: { type: 'local', path: '/lake/x', format: 'parquet' },
    };
    expect(credentialsEnvironment(foreign, secrets).INGEST_SOURCE_USER).toBe(
      'postgres',
    );
  });

  it('fails when a JDBC source names no secret, or one without a user', () => {
    const run = runSubmission();
    delete run.application.source.credentialsSecret;
    expect(() => credentialsEnvironment(run, secrets)).toThrow(
      'source.credentialsSecret: a postgres source needs a secret with the database user',
    );
    run.application.source.credentialsSecret = 'no-user';
    expect(() => credentialsEnvironment(run, secrets)).toThrow(
      'secret no-user (source.credentialsSecret) has no user',
    );
  });

  it('uses secretRef for a source without its own secret', () => {
    const run = runSubmission({ secretRef: 'shop-db' });
    delete run.application.source.credentialsSecret;
    expect(credentialsEnvironment(run, secrets).INGEST_SOURCE_USER).toBe(
      'reader',
    );
  });

  it('does not look up secrets of objects that are not the source (such as Object prototype keys)', () => {
    const run = runSubmission();
    run.application.source.credentialsSecret = 'constructor';
    expect(() => credentialsEnvironment(run, secrets)).toThrow(
      'secret constructor (source.credentialsSecret) is not configured',
    );
  });

  it('needs both S3 keys, and one pair for source and target', () => {
    const s3Source = {
      type: 's3',
      bucket: 'raw',
      prefix: 'in/',
      format: 'csv',
      credentialsSecret: 'other-keys',
    };
    expect(() =>
      credentialsEnvironment(runSubmission({ source: s3Source }), secrets),
    ).toThrow(
      'target.credentialsSecret: the source and the target use different S3 credentials',
    );
    expect(
      credentialsEnvironment(
        runSubmission({
          source: { ...s3Source, credentialsSecret: 'lake-writer' },
        }),
        secrets,
      ),
    ).toEqual({ INGEST_S3_ACCESS_KEY: 'AKIA1', INGEST_S3_SECRET_KEY: 'shh' });
    expect(() =>
      credentialsEnvironment(
        runSubmission({
          source: { ...s3Source, credentialsSecret: 'half-keys' },
          target: { type: 'local', path: '/tmp/x' },
        }),
        secrets,
      ),
    ).toThrow(
      'secret half-keys (source.credentialsSecret) needs both accessKey and secretKey for S3',
    );
  });

  it('leaves S3 credentials to the default AWS chain when no secret is named, and ignores secrets of HDFS targets', () => {
    const env = credentialsEnvironment(
      runSubmission({
        source: { type: 's3', bucket: 'raw', prefix: 'in/', format: 'csv' },
        target: {
          type: 'hdfs',
          path: 'hdfs://nn:8020/lake',
          credentialsSecret: 'whatever',
        },
      }),
      secrets,
    );
    expect(env).toEqual({});
  });
});
