import { runSubmission } from '../__testUtils__/runSubmission';
import { credentialEnv } from './credentialEnv';

const names = (env: ReturnType<typeof credentialEnv>) =>
  env.map(
    e =>
      `${e.name}=${e.valueFrom.secretKeyRef.name}/${e.valueFrom.secretKeyRef.key}`,
  );

describe('credentialEnv', () => {
  it('reads the JDBC user and password, and one S3 key pair, from Secrets', () => {
    expect(names(credentialEnv(runSubmission(), 'as-referenced'))).toEqual([
      'INGEST_SOURCE_USER=orders-db/user',
      'INGEST_SOURCE_PASSWORD=orders-db/password',
      'INGEST_S3_ACCESS_KEY=lake-writer/accessKey',
      'INGEST_S3_SECRET_KEY=lake-writer/secretKey',
    ]);
  });

  it('uses the submission’s secretRef for a source that names none', () => {
    const run = runSubmission();
    delete run.application.source.credentialsSecret;
    run.application.secretRef = 'fallback-db';
    expect(names(credentialEnv(run, 'as-referenced'))[0]).toBe(
      'INGEST_SOURCE_USER=fallback-db/user',
    );
  });

  it('refuses a JDBC source without credentials', () => {
    const run = runSubmission();
    delete run.application.source.credentialsSecret;
    expect(() => credentialEnv(run, 'tenant-scoped')).toThrow(
      /^source.credentialsSecret: a postgres source needs a secret/,
    );
  });

  it('shares one S3 Secret between an S3 source and an S3 target', () => {
    const run = runSubmission();
    run.application.source = {
      type: 's3',
      bucket: 'raw',
      prefix: 'events/',
      format: 'json',
      credentialsSecret: 'lake-writer',
    };
    expect(names(credentialEnv(run, 'as-referenced'))).toEqual([
      'INGEST_S3_ACCESS_KEY=lake-writer/accessKey',
      'INGEST_S3_SECRET_KEY=lake-writer/secretKey',
    ]);
  });

  it('refuses two different S3 Secrets: the application takes one key pair', () => {
    const run = runSubmission();
    run.application.source = {
      type: 's3',
      bucket: 'raw',
      prefix: 'events/',
      format: 'json',
      credentialsSecret: 'raw-reader',
    };
    expect(() => credentialEnv(run, 'as-referenced')).toThrow(
      /different S3 secrets/,
    );
  });

  it('needs no variables for an S3 target on the default AWS chain', () => {
    const run = runSubmission();
    delete run.application.target.credentialsSecret;
    expect(names(credentialEnv(run, 'as-referenced'))).toEqual([
      'INGEST_SOURCE_USER=orders-db/user',
      'INGEST_SOURCE_PASSWORD=orders-db/password',
    ]);
  });
});
