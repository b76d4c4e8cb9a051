import type { KubeConfig } from '@kubernetes/client-node';
import http from 'node:http';
import https from 'node:https';
import { KubernetesApiError } from './apiErrors';

const TIMEOUT_MS = 30_000;

/**
 * One request to the Kubernetes API with the kubeconfig's credentials and TLS settings, JSON in and out.
 *
 * Not client-node's typed APIs or KubernetesObjectApi: they pass every object through a generated serializer
 * that silently drops fields whose TypeScript names differ from their JSON names (`default` of a LimitRange item
 * is `_default`, `from` of a NetworkPolicy rule is `_from`), which the integration tests caught. Objects here
 * go to the server exactly as built.
 */
export async function sendRequest(
  kubeConfig: KubeConfig,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  options: {
    query?: Record<string, string | number | boolean | undefined>;
    body?: unknown;
    contentType?: string;
    /** Another representation, e.g. metadata only (PartialObjectMetadata). */
    accept?: string;
  } = {},
): Promise<any> {
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new Error('No current cluster in the kubeconfig');
  const url = new URL(`${cluster.server.replace(/\/+$/, '')}${path}`);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  const request: https.RequestOptions = {
    method,
    headers: { Accept: options.accept ?? 'application/json' },
  };
  // Sets the agent (CA, client certificate) and the Authorization header, refreshing tokens of exec/OIDC users.
  await kubeConfig.applyToHTTPSOptions(request);
  const body =
    options.body === undefined ? undefined : JSON.stringify(options.body);
  if (body !== undefined) {
    request.headers = {
      ...request.headers,
      'Content-Type': options.contentType ?? 'application/json',
      'Content-Length': Buffer.byteLength(body),
    };
  }
  const transport = url.protocol === 'http:' ? http : https;
  const label = `${method} ${url.pathname}`;

  return new Promise((resolve, reject) => {
    const req = transport.request(url, request, res => {
      const chunks: Buffer[] = [];
      res.on('data', chunk => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          // not JSON (a proxy's error page): keep the text
        }
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve(parsed);
        else reject(new KubernetesApiError(status, parsed, label));
      });
    });
    req.setTimeout(TIMEOUT_MS, () =>
      req.destroy(
        new Error(`${label}: no answer within ${TIMEOUT_MS / 1000}s`),
      ),
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}
