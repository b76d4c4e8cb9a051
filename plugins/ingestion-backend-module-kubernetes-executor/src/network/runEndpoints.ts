import { RunSubmission } from '@internal/backstage-plugin-ingestion-node';

/** Something a run connects to: a host (name or address) and a TCP port, or public S3 (AWS, no endpoint). */
export type RunEndpoint =
  | { kind: 'host'; host: string; port: number; for: string }
  | { kind: 'public-https'; for: string };

/**
 * Every address a run's pods must reach, read off its source and target the way the ingestion application
 * connects: JDBC host:port; an S3 endpoint URL (port from the URL or its scheme); AWS S3 itself when no
 * endpoint is given; the HDFS NameNode from the target path (default port 8020). HDFS DataNodes are not named
 * by the job: the platform lists their range in `networkPolicy.additionalEgress`.
 */
export function runEndpoints(run: RunSubmission): RunEndpoint[] {
  const { source, target } = run.application;
  const endpoints: RunEndpoint[] = [];
  const sourceType = String(source.type);
  if (sourceType === 'postgres' || sourceType === 'mysql') {
    endpoints.push({
      kind: 'host',
      host: String(source.host),
      port: Number(source.port),
      for: 'source',
    });
  } else if (sourceType === 's3') {
    endpoints.push(s3Endpoint(source.endpoint, 'source.endpoint'));
  }
  const targetType = String(target.type);
  if (targetType === 's3') {
    endpoints.push(s3Endpoint(target.endpoint, 'target.endpoint'));
  } else if (targetType === 'hdfs') {
    const url = parseUrl(String(target.path), 'target.path');
    endpoints.push({
      kind: 'host',
      host: url.hostname,
      port: url.port ? Number(url.port) : 8020,
      for: 'target.path',
    });
  }
  return endpoints;
}

function s3Endpoint(endpoint: unknown, field: string): RunEndpoint {
  if (typeof endpoint !== 'string' || endpoint === '') {
    return { kind: 'public-https', for: field };
  }
  const url = parseUrl(endpoint, field);
  const defaultPort = url.protocol === 'https:' ? 443 : 80;
  return {
    kind: 'host',
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : defaultPort,
    for: field,
  };
}

function parseUrl(value: string, field: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new Error(`${field}: not a URL: ${value}`);
  }
}
