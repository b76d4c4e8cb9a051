import { ResponseError } from '@backstage/errors';
import {
  CapacityUtilisation,
  IngestionApi,
  LendingEventList,
  RegistrySnapshot,
  TenantCapacity,
} from '@internal/backstage-plugin-ingestion-common';
import { SignalApi } from '@backstage/plugin-signals-react';
import { jobHealth } from './jobFixtures';
import { resourceEstimate } from './estimateFixture';

export const ORION = 'group:default/team-orion';
export const LYRA = 'group:default/team-lyra';

export const registry = (
  overrides: Partial<RegistrySnapshot> = {},
): RegistrySnapshot => ({
  sparkUnitSize: { cores: 4, memoryGiB: 16 },
  namespaces: [
    {
      tier: 'dedicated',
      namespace: 'ingestion-dedicated',
      sparkUnits: 8,
      cores: 32,
      memoryGiB: 128,
      updatedAt: '2026-11-20T09:15:00.000Z',
      updatedBy: 'user:default/ada',
    },
    {
      tier: 'vcore-hours',
      namespace: 'ingestion-vcore-hours',
      sparkUnits: 8,
      cores: 32,
      memoryGiB: 128,
    },
    {
      tier: 'draft',
      namespace: 'ingestion-draft',
      sparkUnits: 2,
      cores: 8,
      memoryGiB: 32,
    },
  ],
  totalIngestionUnits: 18,
  totalCores: 72,
  totalMemoryGiB: 288,
  ...overrides,
});

const HOUR = 3_600_000;

/** The dedicated namespace lending 8 of its 32 cores to one opportunistic run; Orion holds 2 of its 4 units' cores. */
export const capacityUtilisation = (
  overrides: Partial<CapacityUtilisation['lending']> = {},
): CapacityUtilisation => ({
  generatedAt: '2026-11-20T10:00:00.000Z',
  namespaces: [
    {
      tier: 'dedicated',
      namespace: 'ingestion-dedicated',
      capacity: { cores: 32, memoryMiB: 131072 },
      used: { cores: 2, memoryMiB: 4096 },
      lent: { cores: 8, memoryMiB: 16384 },
    },
    {
      tier: 'vcore-hours',
      namespace: 'ingestion-vcore-hours',
      capacity: { cores: 32, memoryMiB: 131072 },
      used: { cores: 30, memoryMiB: 61440 },
      lent: { cores: 0, memoryMiB: 0 },
    },
  ],
  dedicatedTenants: [
    {
      tenant: ORION,
      units: 4,
      capacity: { cores: 16, memoryMiB: 65536 },
      used: { cores: 2, memoryMiB: 4096 },
    },
  ],
  lending: {
    idleThresholdPercent: 20,
    idleMinutes: 5,
    usageHalfLifeHours: 6,
    usageWindowHours: 24,
    reclaimTargetSeconds: 30,
    idleShare: 0.94,
    idleSince: '2026-11-20T09:00:00.000Z',
    lending: true,
    lendable: { cores: 22, memoryMiB: 110592 },
    lent: { cores: 8, memoryMiB: 16384 },
    ...overrides,
  },
});

/** A loan, the reclaim that took it back in 3.4 s, and the preemption. */
export const lendingEvents = (): LendingEventList => ({
  from: '2026-11-19T10:00:00.000Z',
  to: '2026-11-20T10:00:00.000Z',
  items: [
    {
      kind: 'loan',
      runId: 'lyra-1',
      tenant: LYRA,
      cores: 8,
      memoryMiB: 16384,
      occurredAt: '2026-11-20T09:06:00.000Z',
      endedAt: '2026-11-20T09:30:00.000Z',
      coreHours: 3.2,
    },
    {
      kind: 'preemption',
      runId: 'lyra-1',
      tenant: LYRA,
      cores: 8,
      memoryMiB: 16384,
      occurredAt: '2026-11-20T09:30:00.000Z',
      reclaimedFor: 'orion-1',
      requeuedAs: 'lyra-2',
    },
    {
      kind: 'reclaim',
      runId: 'orion-1',
      tenant: ORION,
      cores: 8,
      memoryMiB: 16384,
      occurredAt: '2026-11-20T09:30:01.000Z',
      requestedAt: '2026-11-20T09:29:59.000Z',
      runningAt: '2026-11-20T09:30:02.400Z',
      victims: 1,
      reclaimMs: 3400,
    },
  ],
});

/** A tenant with 4 dedicated units and 742.5 of 1,000 vCPU-hours, burning 2.5 per hour. */
export const tenantCapacity = (
  tenant = ORION,
  now = Date.now(),
): TenantCapacity => ({
  tenant,
  dedicatedUnits: 4,
  vcpuHours: {
    tenant,
    purchasedHours: 1000,
    remainingHours: 742.5,
    consumedHours: 257.5,
    consumptionRatePerHour: 2.5,
    estimatedDepletionAt: new Date(now + (742.5 / 2.5) * HOUR).toISOString(),
    remainingFraction: 0.7425,
  },
  purchases: [
    {
      id: 'p1',
      tenant,
      unitType: 'vcpu-hours',
      quantity: 1000,
      period: 'monthly',
      validFrom: new Date(now - 5 * 24 * HOUR).toISOString(),
      validUntil: new Date(now + 25 * 24 * HOUR).toISOString(),
      purchasedBy: 'user:default/orla',
      purchasedAt: new Date(now - 5 * 24 * HOUR).toISOString(),
    },
    {
      id: 'p2',
      tenant,
      unitType: 'dedicated-units',
      quantity: 4,
      period: 'yearly',
      validFrom: new Date(now - 40 * 24 * HOUR).toISOString(),
      validUntil: new Date(now + 325 * 24 * HOUR).toISOString(),
      purchasedBy: 'user:default/guest',
      purchasedAt: new Date(now - 40 * 24 * HOUR).toISOString(),
    },
  ],
});

/** An IngestionApi whose every method is a jest mock; tests override what they need. */
export function mockIngestionApi(
  overrides: Partial<IngestionApi> = {},
): jest.Mocked<IngestionApi> {
  return {
    whoami: jest.fn(async () => ({
      principal: 'user:default/guest',
      tenants: [ORION],
      platformAdmin: false,
    })),
    getRegistry: jest.fn(async () => registry()),
    setSparkUnits: jest.fn(async () => registry()),
    getTenantCapacity: jest.fn(async (tenant: string) =>
      tenantCapacity(tenant),
    ),
    getBalance: jest.fn(
      async (tenant: string) => tenantCapacity(tenant).vcpuHours,
    ),
    getBalanceHistory: jest.fn(async () => []),
    getLedger: jest.fn(async () => []),
    purchase: jest.fn(),
    getHeatmap: jest.fn(async () => []),
    getJobHealth: jest.fn(async () => jobHealth()),
    promoteJob: jest.fn(),
    sendJobBack: jest.fn(),
    estimate: jest.fn(async () => resourceEstimate()),
    getJobEstimate: jest.fn(async () => resourceEstimate()),
    getCapacityForecast: jest.fn(),
    getTenantTrends: jest.fn(),
    getTenantTrend: jest.fn(),
    getCapacityUtilisation: jest.fn(async () => capacityUtilisation()),
    getLendingEvents: jest.fn(async () => lendingEvents()),
    listApiClients: jest.fn(async () => []),
    registerApiClient: jest.fn(),
    revokeApiClient: jest.fn(),
    getOpenApiDocument: jest.fn(),
    ...overrides,
  } as jest.Mocked<IngestionApi>;
}

/** The error IngestionClient throws for a refused request: a ResponseError built from the server's JSON body. */
export function responseError(
  statusCode: number,
  statusText: string,
  name: string,
  message: string,
): Promise<ResponseError> {
  const body = JSON.stringify({
    error: { name, message },
    request: { method: 'POST', url: '/api/ingestion' },
    response: { statusCode },
  });
  const headers = new Map([['content-type', 'application/json']]);
  return ResponseError.fromResponse({
    ok: false,
    redirected: false,
    status: statusCode,
    statusText,
    type: 'basic',
    url: 'http://localhost/api/ingestion',
    headers: {
      get: (key: string) => headers.get(key.toLowerCase()) ?? null,
    } as unknown as Headers,
    text: async () => body,
  });
}

/** A signal message, as SignalApi delivers it. */
type JsonObject = Parameters<Parameters<SignalApi['subscribe']>[1]>[0];

/** A signal API whose messages the test pushes by hand. */
export function mockSignalApi() {
  const listeners = new Map<string, Set<(message: JsonObject) => void>>();
  const api: SignalApi = {
    subscribe(channel, onMessage) {
      const set = listeners.get(channel) ?? new Set();
      set.add(onMessage as (message: JsonObject) => void);
      listeners.set(channel, set);
      return {
        unsubscribe: () => set.delete(onMessage as (m: JsonObject) => void),
      };
    },
  };
  return {
    api,
    push(channel: string, message: JsonObject) {
      listeners.get(channel)?.forEach(listener => listener(message));
    },
  };
}
