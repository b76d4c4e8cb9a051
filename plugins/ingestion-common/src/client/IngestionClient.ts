import { ResponseError } from '@backstage/errors';
import { Caller } from '../types/tenancy';
import { RegistrySnapshot } from '../types/capacity';

/**
 * The ingestion service's REST API, as the frontend and other plugins use it.
 *
 * @public
 */
export interface IngestionApi {
  whoami(): Promise<Caller>;
  getRegistry(): Promise<RegistrySnapshot>;
}

/** @public */
export interface IngestionClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi: { fetch: typeof fetch };
}

/**
 * HTTP client of the ingestion backend. Errors come back as `ResponseError` carrying the server's message.
 *
 * @public
 */
export class IngestionClient implements IngestionApi {
  readonly #discoveryApi: IngestionClientOptions['discoveryApi'];
  readonly #fetchApi: IngestionClientOptions['fetchApi'];

  constructor(options: IngestionClientOptions) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  whoami(): Promise<Caller> {
    return this.#request('GET', '/whoami');
  }

  getRegistry(): Promise<RegistrySnapshot> {
    return this.#request('GET', '/registry');
  }

  async #request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('ingestion');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers:
        body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    if (response.status === 204) {
      return undefined as T;
    }
    return (await response.json()) as T;
  }
}
