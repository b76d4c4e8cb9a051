import { RunSubmission } from '@internal/backstage-plugin-ingestion-node';
import { LocalExecutorSecret } from '../config/LocalExecutorOptions';

/** Environment variables through which the ingestion application receives credentials (never job.json). */
export const CREDENTIAL_VARIABLES = [
  'INGEST_SOURCE_USER',
  'INGEST_SOURCE_PASSWORD',
  'INGEST_S3_ACCESS_KEY',
  'INGEST_S3_SECRET_KEY',
] as const;

const JDBC_SOURCES = ['postgres', 'mysql'];

/**
 * Resolves the secrets a run's source and target name into the application's credential variables. Throws, with
 * a message a tenant or operator can act on, when a named secret is not configured or lacks what the job needs.
 */
export function credentialsEnvironment(
  run: RunSubmission,
  secrets: Record<string, LocalExecutorSecret>,
): Record<string, string> {
  const { source, target, secretRef } = run.application;
  const env: Record<string, string> = {};

  const sourceType = String(source.type);
  const sourceSecretName = secretName(source.credentialsSecret) ?? secretRef;
  if (JDBC_SOURCES.includes(sourceType)) {
    if (!sourceSecretName) {
      throw new Error(
        `source.credentialsSecret: a ${sourceType} source needs a secret with the database user`,
      );
    }
    const secret = lookUp(
      secrets,
      sourceSecretName,
      'source.credentialsSecret',
    );
    if (!secret.user) {
      throw new Error(
        `secret ${sourceSecretName} (source.credentialsSecret) has no user: set ingestion.executors.local.secrets.${sourceSecretName}.user`,
      );
    }
    env.INGEST_SOURCE_USER = secret.user;
    if (secret.password !== undefined) {
      env.INGEST_SOURCE_PASSWORD = secret.password;
    }
  }

  // The application takes one S3 key pair for both ends; without one it uses the AWS default chain.
  const s3Names: Array<[string, string]> = [];
  if (sourceType === 's3' && sourceSecretName) {
    s3Names.push([sourceSecretName, 'source.credentialsSecret']);
  }
  const targetSecretName = secretName(target.credentialsSecret);
  if (String(target.type) === 's3' && targetSecretName) {
    s3Names.push([targetSecretName, 'target.credentialsSecret']);
  }
  for (const [name, field] of s3Names) {
    const secret = lookUp(secrets, name, field);
    if (!secret.accessKey || !secret.secretKey) {
      throw new Error(
        `secret ${name} (${field}) needs both accessKey and secretKey for S3: set ingestion.executors.local.secrets.${name}`,
      );
    }
    if (
      env.INGEST_S3_ACCESS_KEY !== undefined &&
      (env.INGEST_S3_ACCESS_KEY !== secret.accessKey ||
        env.INGEST_S3_SECRET_KEY !== secret.secretKey)
    ) {
      throw new Error(
        `${field}: the source and the target use different S3 credentials, but the ingestion application takes one S3 key pair`,
      );
    }
    env.INGEST_S3_ACCESS_KEY = secret.accessKey;
    env.INGEST_S3_SECRET_KEY = secret.secretKey;
  }
  return env;
}

function secretName(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function lookUp(
  secrets: Record<string, LocalExecutorSecret>,
  name: string,
  field: string,
): LocalExecutorSecret {
  const secret = Object.prototype.hasOwnProperty.call(secrets, name)
    ? secrets[name]
    : undefined;
  if (!secret) {
    throw new Error(
      `secret ${name} (${field}) is not configured for the local executor: add ingestion.executors.local.secrets.${name}`,
    );
  }
  return secret;
}
