import { ResponseError } from '@backstage/errors';
import { Caller } from '../types/tenancy';
import {
  HeatmapSlice,
  NamespaceTier,
  RegistrySnapshot,
} from '../types/capacity';
import {
  BalancePoint,
  LedgerEntry,
  Purchase,
  PurchaseRequest,
  TenantCapacity,
  VcpuHourBalance,
} from '../types/ledger';
import { IngestionJob, JobHealth } from '../types/jobs';
import {
  IngestionJobInput,
  JobList,
  JobListQuery,
  JobValidation,
} from '../types/jobApi';
import { IngestionRun, RunList, RunListQuery } from '../types/runs';
import { EstimateRequest, ResourceEstimate } from '../types/estimates';
import {
  CapacityForecast,
  TenantTrend,
  TenantTrends,
  UsageSource,
} from '../types/forecast';
import { CapacityUtilisation, LendingEventList } from '../types/lending';
import { ApiClient, ApiClientRegistration } from '../types/apiClients';

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
  /**
   * Buys capacity. A request repeated with the same `idempotencyKey` (a retry, a double click) buys once and
   * returns the first purchase.
   */
  purchase(
    tenant: string,
    request: PurchaseRequest,
    options?: { idempotencyKey?: string },
  ): Promise<Purchase>;
  /** One page of the jobs the caller may see (all jobs for platform admins and backend services). */
  listJobs(query?: JobListQuery): Promise<JobList>;
  getJob(jobId: string): Promise<IngestionJob>;
  /** Creates a job; refused with 400 (bad fields), 402 (no purchased capacity) or 409 (no room in the slices). */
  createJob(spec: IngestionJobInput): Promise<IngestionJob>;
  /** Dry run of createJob: field problems and the admission decision; stores nothing. */
  validateJob(spec: IngestionJobInput): Promise<JobValidation>;
  /** Pauses or resumes a job's schedule. */
  setJobStatus(
    jobId: string,
    status: IngestionJob['status'],
  ): Promise<IngestionJob>;
  /** One page of a job's runs, newest first; queued runs carry their estimated start. */
  listRuns(jobId: string, query?: RunListQuery): Promise<RunList>;
  /** Queues a run now; refused with 402 when the vCPU-hour balance of a vCPU-hour job is used up. */
  executeNow(jobId: string): Promise<IngestionRun>;
  /** Cancels a queued or running run. */
  cancelRun(jobId: string, runId: string): Promise<IngestionRun>;
  /** The job's lifecycle timeline, profiling progress, SLA compliance and recommendations. */
  getJobHealth(jobId: string): Promise<JobHealth>;
  /** Platform admins: promotes a draft now (409 with the reason when its namespace has no room). */
  promoteJob(jobId: string): Promise<IngestionJob>;
  /** Platform admins: sends a production job back to draft, to be profiled again. */
  sendJobBack(jobId: string, reason?: string): Promise<IngestionJob>;
  /** Capacity committed against capacity in each slice of one namespace over the next `hours` (default 24). */
  getHeatmap(tier: NamespaceTier, hours?: number): Promise<HeatmapSlice[]>;
  /** Recommended Ingestion Units, expected duration and costs for a described job; stores nothing. */
  estimate(request: EstimateRequest): Promise<ResourceEstimate>;
  /** The estimate for one of the caller's jobs, learnt from its finished runs. */
  getJobEstimate(jobId: string): Promise<ResourceEstimate>;
  /** Each namespace's demand history, 30/60/90-day forecast and purchase advice (platform admins only). */
  getCapacityForecast(source?: UsageSource): Promise<CapacityForecast>;
  /** Every tenant's consumption trend and growth rate (platform admins only). */
  getTenantTrends(source?: UsageSource): Promise<TenantTrends>;
  /** One tenant's consumption trend and growth rate (its members and platform admins). */
  getTenantTrend(tenant: string, source?: UsageSource): Promise<TenantTrend>;
  /** Used against available per namespace and dedicated tenant, and the lending state (platform admins only). */
  getCapacityUtilisation(): Promise<CapacityUtilisation>;
  /** Loans, reclaims and preemptions of the last `hours` (default 24), oldest first (platform admins only). */
  getLendingEvents(hours?: number): Promise<LendingEventList>;
  /** Other systems' OAuth 2.0 clients, revoked ones included (platform admins only). */
  listApiClients(): Promise<ApiClient[]>;
  /** Registers a client id of the authorization server for one tenant and scopes (platform admins only). */
  registerApiClient(
    registration: Omit<ApiClientRegistration, 'description'> & {
      description?: string;
    },
  ): Promise<ApiClient>;
  /** Revokes a client: its tokens are refused from then on (platform admins only). */
  revokeApiClient(clientId: string): Promise<ApiClient>;
  /** The OpenAPI document the backend serves its API by (`/openapi.json`). */
  getOpenApiDocument(): Promise<OpenApiDocument>;
}

/**
 * The parts of the API's OpenAPI document its readers use; the rest is passed on as is.
 *
 * @public
 */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  [key: string]: unknown;
}

const tenantPath = (tenant: string) => `/tenants/${encodeURIComponent(tenant)}`;
const jobPath = (jobId: string) => `/jobs/${encodeURIComponent(jobId)}`;

/** `?a=1&b=2` of the defined values, or nothing. */
function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
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

  purchase(
    tenant: string,
    request: PurchaseRequest,
    options: { idempotencyKey?: string } = {},
  ): Promise<Purchase> {
    return this.#request(
      'POST',
      `${tenantPath(tenant)}/purchases`,
      request,
      options.idempotencyKey
        ? { 'Idempotency-Key': options.idempotencyKey }
        : {},
    );
  }

  listJobs(query: JobListQuery = {}): Promise<JobList> {
    return this.#request('GET', `/jobs${queryString(query)}`);
  }

  getJob(jobId: string): Promise<IngestionJob> {
    return this.#request('GET', jobPath(jobId));
  }

  createJob(spec: IngestionJobInput): Promise<IngestionJob> {
    return this.#request('POST', '/jobs', spec);
  }

  validateJob(spec: IngestionJobInput): Promise<JobValidation> {
    return this.#request('POST', '/jobs/validate', spec);
  }

  setJobStatus(
    jobId: string,
    status: IngestionJob['status'],
  ): Promise<IngestionJob> {
    return this.#request('PUT', `${jobPath(jobId)}/status`, { status });
  }

  listRuns(jobId: string, query: RunListQuery = {}): Promise<RunList> {
    return this.#request('GET', `${jobPath(jobId)}/runs${queryString(query)}`);
  }

  executeNow(jobId: string): Promise<IngestionRun> {
    return this.#request('POST', `${jobPath(jobId)}/runs`);
  }

  cancelRun(jobId: string, runId: string): Promise<IngestionRun> {
    return this.#request(
      'POST',
      `${jobPath(jobId)}/runs/${encodeURIComponent(runId)}/cancel`,
    );
  }

  getJobHealth(jobId: string): Promise<JobHealth> {
    return this.#request('GET', `${jobPath(jobId)}/health`);
  }

  promoteJob(jobId: string): Promise<IngestionJob> {
    return this.#request('POST', `${jobPath(jobId)}/promote`);
  }

  sendJobBack(jobId: string, reason?: string): Promise<IngestionJob> {
    return this.#request(
      'POST',
      `${jobPath(jobId)}/send-back`,
      reason ? { reason } : {},
    );
  }

  async getHeatmap(tier: NamespaceTier, hours = 24): Promise<HeatmapSlice[]> {
    const { slices } = await this.#request<{ slices: HeatmapSlice[] }>(
      'GET',
      `/scheduler/heatmap${queryString({ tier, hours })}`,
    );
    return slices;
  }

  estimate(request: EstimateRequest): Promise<ResourceEstimate> {
    return this.#request('POST', '/estimates', request);
  }

  getJobEstimate(jobId: string): Promise<ResourceEstimate> {
    return this.#request('GET', `${jobPath(jobId)}/estimate`);
  }

  getCapacityForecast(source?: UsageSource): Promise<CapacityForecast> {
    return this.#request(
      'GET',
      `/forecast/namespaces${queryString({ source })}`,
    );
  }

  getTenantTrends(source?: UsageSource): Promise<TenantTrends> {
    return this.#request('GET', `/forecast/tenants${queryString({ source })}`);
  }

  getTenantTrend(tenant: string, source?: UsageSource): Promise<TenantTrend> {
    return this.#request(
      'GET',
      `${tenantPath(tenant)}/trend${queryString({ source })}`,
    );
  }

  getCapacityUtilisation(): Promise<CapacityUtilisation> {
    return this.#request('GET', '/platform/utilisation');
  }

  getLendingEvents(hours?: number): Promise<LendingEventList> {
    return this.#request(
      'GET',
      `/platform/lending/events${queryString({ hours })}`,
    );
  }

  getOpenApiDocument(): Promise<OpenApiDocument> {
    return this.#request('GET', '/openapi.json');
  }

  async listApiClients(): Promise<ApiClient[]> {
    const { clients } = await this.#request<{ clients: ApiClient[] }>(
      'GET',
      '/api-clients',
    );
    return clients;
  }

  registerApiClient(
    registration: Omit<ApiClientRegistration, 'description'> & {
      description?: string;
    },
  ): Promise<ApiClient> {
    return this.#request('POST', '/api-clients', registration);
  }

  revokeApiClient(clientId: string): Promise<ApiClient> {
    return this.#request(
      'POST',
      `/api-clients/${encodeURIComponent(clientId)}/revoke`,
    );
  }

  async #request<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('ingestion');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers:
        body === undefined
          ? headers
          : { 'Content-Type': 'application/json', ...headers },
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
