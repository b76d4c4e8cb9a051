import { ResponseError } from '@backstage/errors';
import { Caller } from '../types/tenancy';
import { NamespaceTier, RegistrySnapshot } from '../types/capacity';
import {
  BalancePoint,
  LedgerEntry,
  Purchase,
  PurchaseRequest,
  TenantCapacity,
  VcpuHourBalance,
} from '../types/ledger';
import { IngestionJob } from '../types/jobs';
import {
  IngestionJobInput,
  JobList,
  JobListQuery,
  JobValidation,
} from '../types/jobApi';

/**
 * The ingestion service's REST API, as the frontend and other plugins use it.
 *
 * @public
 */
export interface IngestionApi {
  whoami(): Promise<Caller>;
  getRegistry(): Promise<RegistrySnapshot>;
  setSparkUnits(
    tier: NamespaceTier,
    sparkUnits: number,
  ): Promise<RegistrySnapshot>;
  getTenantCapacity(tenant: string): Promise<TenantCapacity>;
  getBalance(tenant: string): Promise<VcpuHourBalance>;
  getBalanceHistory(tenant: string, days?: number): Promise<BalancePoint[]>;
  getLedger(tenant: string): Promise<LedgerEntry[]>;
  purchase(tenant: string, request: PurchaseRequest): Promise<Purchase>;
  /** One page of the jobs the caller may see (all jobs for platform admins and backend services). */
  listJobs(query?: JobListQuery): Promise<JobList>;
  getJob(jobId: string): Promise<IngestionJob>;
  /** Creates a job; refused with 400 (bad fields), 402 (no purchased capacity) or 409 (no room in the slices). */
  createJob(spec: IngestionJobInput): Promise<IngestionJob>;
  /** Dry run of createJob: field problems and the admission decision; stores nothing. */
  validateJob(spec: IngestionJobInput): Promise<JobValidation>;
}

const tenantPath = (tenant: string) => `/tenants/${encodeURIComponent(tenant)}`;

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

  setSparkUnits(
    tier: NamespaceTier,
    sparkUnits: number,
  ): Promise<RegistrySnapshot> {
    return this.#request('PUT', `/registry/${tier}`, { sparkUnits });
  }

  getTenantCapacity(tenant: string): Promise<TenantCapacity> {
    return this.#request('GET', `${tenantPath(tenant)}/capacity`);
  }

  getBalance(tenant: string): Promise<VcpuHourBalance> {
    return this.#request('GET', `${tenantPath(tenant)}/balance`);
  }

  async getBalanceHistory(tenant: string, days = 30): Promise<BalancePoint[]> {
    const { points } = await this.#request<{ points: BalancePoint[] }>(
      'GET',
      `${tenantPath(tenant)}/balance/history?days=${days}`,
    );
    return points;
  }

  async getLedger(tenant: string): Promise<LedgerEntry[]> {
    const { entries } = await this.#request<{ entries: LedgerEntry[] }>(
      'GET',
      `${tenantPath(tenant)}/ledger`,
    );
    return entries;
  }

  purchase(tenant: string, request: PurchaseRequest): Promise<Purchase> {
    return this.#request('POST', `${tenantPath(tenant)}/purchases`, request);
  }

  listJobs(query: JobListQuery = {}): Promise<JobList> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) params.set(key, String(value));
    }
    const search = params.toString();
    return this.#request('GET', search ? `/jobs?${search}` : '/jobs');
  }

  getJob(jobId: string): Promise<IngestionJob> {
    return this.#request('GET', `/jobs/${encodeURIComponent(jobId)}`);
  }

  createJob(spec: IngestionJobInput): Promise<IngestionJob> {
    return this.#request('POST', '/jobs', spec);
  }

  validateJob(spec: IngestionJobInput): Promise<JobValidation> {
    return this.#request('POST', '/jobs/validate', spec);
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
