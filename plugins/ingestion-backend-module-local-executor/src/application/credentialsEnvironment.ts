import { RunSubmission } from '@internal/backstage-plugin-ingestion-node';
import {
  LocalExecutorSecret,
  TenantSecrets,
} from '../config/LocalExecutorOptions';

/** Environment variables through which the ingestion application receives credentials (never job.json). */
export const CREDENTIAL_VARIABLES = [
  'INGEST_SOURCE_USER',
  'INGEST_SOURCE_PASSWORD',
  'INGEST_S3_ACCESS_KEY',
  'INGEST_S3_SECRET_KEY',
] as const;

const JDBC_SOURCES = ['postgres', 'mysql'];

/**
 * Resolves the secrets a run's source and target name into the application's credential variables, looking only
 * among the run's own tenant's secrets. Throws, with a message a tenant or operator can act on, when a named
 * secret is not configured for the tenant or lacks what the job needs.
 */
export function credentialsEnvironment(
  run: RunSubmission,
  tenantSecrets: TenantSecrets,
): Record<string, string> {
  const { source, target, secretRef } = run.application;
  const secrets = ownSecrets(tenantSecrets, run.tenant);
  const configKey = (name: string) =>
    `the entry { tenant: ${run.tenant}, name: ${name} } of ingestion.executors.local.secrets`;
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
      run.tenant,
    );
    if (!secret.user) {
      throw new Error(
        `secret ${sourceSecretName} (source.credentialsSecret) has no user: set user in ${configKey(
          sourceSecretName,
        )}`,
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
    const secret = lookUp(secrets, name, field, run.tenant);
    if (!secret.accessKey || !secret.secretKey) {
      throw new Error(
        `secret ${name} (${field}) needs both accessKey and secretKey for S3: set them in ${configKey(
          name,
        )}`,
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

/** The tenant's own secrets; never another tenant's, nor an inherited property of the map. */
export function ownSecrets(
  tenantSecrets: TenantSecrets,
  tenant: string,
): Record<string, LocalExecutorSecret> {
  return Object.prototype.hasOwnProperty.call(tenantSecrets, tenant)
    ? tenantSecrets[tenant]
    : {};
}

function lookUp(
  secrets: Record<string, LocalExecutorSecret>,
  name: string,
  field: string,
  tenant: string,
): LocalExecutorSecret {
  const secret = Object.prototype.hasOwnProperty.call(secrets, name)
    ? secrets[name]
    : undefined;
  if (!secret) {
    throw new Error(
      `secret ${name} (${field}) is not configured for ${tenant} in the local executor: add { tenant: ${tenant}, name: ${name} } to ingestion.executors.local.secrets`,
    );
  }
  return secret;
}
