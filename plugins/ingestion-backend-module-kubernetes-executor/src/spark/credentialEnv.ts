import { RunSubmission } from '@internal/backstage-plugin-ingestion-node';
import { SecretNaming, tenantSecretName } from '../naming/tenantSecretName';

/** A container environment variable read from a key of a Kubernetes Secret. */
export interface SecretEnvVar {
  name: string;
  valueFrom: {
    secretKeyRef: { name: string; key: string; optional?: boolean };
  };
}

const JDBC_SOURCES = ['postgres', 'mysql'];

/**
 * The driver's credential variables (ingestion-app/README.md: INGEST_SOURCE_USER, INGEST_SOURCE_PASSWORD,
 * INGEST_S3_ACCESS_KEY, INGEST_S3_SECRET_KEY) as references to keys `user`, `password`, `accessKey` and
 * `secretKey` of the Secrets the job names. The values never pass through the backend or the SparkApplication:
 * the kubelet reads them when it starts the driver. Throws, naming the field, when a job cannot be run as given.
 */
export function credentialEnv(
  run: RunSubmission,
  naming: SecretNaming,
): SecretEnvVar[] {
  const { source, target, secretRef } = run.application;
  const secret = (name: string) => tenantSecretName(run.tenant, name, naming);
  const env: SecretEnvVar[] = [];

  const sourceType = String(source.type);
  const sourceSecret = nonEmpty(source.credentialsSecret) ?? secretRef;
  if (JDBC_SOURCES.includes(sourceType)) {
    if (!sourceSecret) {
      throw new Error(
        `source.credentialsSecret: a ${sourceType} source needs a secret with the database user`,
      );
    }
    env.push(
      fromSecret('INGEST_SOURCE_USER', secret(sourceSecret), 'user'),
      // A database with trust authentication needs no password.
      fromSecret(
        'INGEST_SOURCE_PASSWORD',
        secret(sourceSecret),
        'password',
        true,
      ),
    );
  }

  // The application takes one S3 key pair for both ends; without one it uses the AWS default chain (an IAM role
  // for service accounts, for example).
  const s3Secrets = new Set<string>();
  if (sourceType === 's3' && sourceSecret) s3Secrets.add(sourceSecret);
  const targetSecret = nonEmpty(target.credentialsSecret);
  if (String(target.type) === 's3' && targetSecret) s3Secrets.add(targetSecret);
  if (s3Secrets.size > 1) {
    throw new Error(
      'target.credentialsSecret: the source and the target use different S3 secrets, but the ingestion application takes one S3 key pair',
    );
  }
  for (const name of s3Secrets) {
    env.push(
      fromSecret('INGEST_S3_ACCESS_KEY', secret(name), 'accessKey'),
      fromSecret('INGEST_S3_SECRET_KEY', secret(name), 'secretKey'),
    );
  }
  return env;
}

function fromSecret(
  variable: string,
  name: string,
  key: string,
  optional?: boolean,
): SecretEnvVar {
  return {
    name: variable,
    valueFrom: {
      secretKeyRef: { name, key, ...(optional && { optional: true }) },
    },
  };
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
