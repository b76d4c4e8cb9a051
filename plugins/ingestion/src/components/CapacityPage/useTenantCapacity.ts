import { useApi } from '@backstage/frontend-plugin-api';
import {
  BalancePoint,
  TenantCapacity,
} from '@internal/backstage-plugin-ingestion-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ingestionApiRef } from '../../api';
import { useCapacitySignal } from '../../hooks/useCapacitySignal';

/** A tenant's capacity and balance history, as of `fetchedAt`. */
export interface TenantCapacityData {
  capacity: TenantCapacity;
  history: BalancePoint[];
  fetchedAt: number;
}

/**
 * Loads a tenant's capacity and the last `days` of its balance, and loads them again whenever the backend
 * signals that the tenant's balance changed. While reloading, the previous value stays available.
 */
export function useTenantCapacity(tenant: string | undefined, days: number) {
  const api = useApi(ingestionApiRef);
  const state = useAsyncRetry(async (): Promise<
    TenantCapacityData | undefined
  > => {
    if (!tenant) return undefined;
    const [capacity, history] = await Promise.all([
      api.getTenantCapacity(tenant),
      api.getBalanceHistory(tenant, days),
    ]);
    return { capacity, history, fetchedAt: Date.now() };
  }, [api, tenant, days]);

  useCapacitySignal(signal => {
    if (signal.kind === 'balance' && signal.tenant === tenant) state.retry();
  });

  return state;
}
