import { useApi } from '@backstage/frontend-plugin-api';
import {
  HeatmapSlice,
  IngestionJob,
  NAMESPACE_TIERS,
  NamespaceTier,
} from '@internal/backstage-plugin-ingestion-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ingestionApiRef } from '../../api';
import { useCapacitySignal } from '../../hooks/useCapacitySignal';
import { lookUpJobs } from './lookUpJobs';

/** The slices of every namespace tier over the next hours, and the jobs seen in them, as of `fetchedAt`. */
export interface SliceHeatmapData {
  tiers: Array<{ tier: NamespaceTier; slices: HeatmapSlice[] }>;
  jobs: Map<string, IngestionJob>;
  fetchedAt: number;
}

/**
 * Loads the heatmap of each namespace tier for the next `hours`, then the names of the jobs in its slices, and
 * loads again when the backend signals a registry change (capacities changed). The previous value stays while
 * reloading.
 */
export function useSliceHeatmap(hours: number) {
  const api = useApi(ingestionApiRef);
  const state = useAsyncRetry(async (): Promise<SliceHeatmapData> => {
    const heatmaps = await Promise.all(
      NAMESPACE_TIERS.map(tier => api.getHeatmap(tier, hours)),
    );
    const ids = new Set(
      heatmaps.flatMap(slices =>
        slices.flatMap(slice => slice.jobs.map(job => job.jobId)),
      ),
    );
    return {
      tiers: NAMESPACE_TIERS.map((tier, i) => ({ tier, slices: heatmaps[i] })),
      jobs: ids.size ? await lookUpJobs(api, ids) : new Map(),
      fetchedAt: Date.now(),
    };
  }, [api, hours]);

  useCapacitySignal(signal => {
    if (signal.kind === 'registry') state.retry();
  });

  return state;
}
