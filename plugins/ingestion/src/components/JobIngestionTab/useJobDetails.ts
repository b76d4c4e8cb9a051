import { useApi } from '@backstage/frontend-plugin-api';
import {
  IngestionJob,
  IngestionRun,
  JobHealth,
} from '@internal/backstage-plugin-ingestion-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useInterval from 'react-use/esm/useInterval';
import { ingestionApiRef } from '../../api';
import { isRunActive } from '../../lib/runStates';

/** How many of the latest runs the tab reads: the history table, the charts and the SLA figures use them. */
export const RECENT_RUNS = 100;

/** While a run is queued, submitted or running, the tab reads the job and its runs again this often. */
export const ACTIVE_POLL_MS = 4000;

/** A job, its latest runs (newest first) and how many it has in all, as of `fetchedAt`. */
export interface JobDetails {
  job: IngestionJob;
  runs: IngestionRun[];
  totalRuns: number;
  /** Lifecycle timeline, profiling progress, SLA compliance and recommendations, as the server computes them. */
  health: JobHealth;
  fetchedAt: number;
}

/**
 * A job and its latest runs from the ingestion API, read again every few seconds while any of them is still
 * active (queued, submitted or running), so that a run is seen starting and finishing; idle jobs are not polled.
 * While reloading, the previous value stays available.
 */
export function useJobDetails(jobId: string) {
  const api = useApi(ingestionApiRef);
  const state = useAsyncRetry(async (): Promise<JobDetails> => {
    const [job, runs, health] = await Promise.all([
      api.getJob(jobId),
      api.listRuns(jobId, { limit: RECENT_RUNS }),
      api.getJobHealth(jobId),
    ]);
    return {
      job,
      runs: runs.items,
      totalRuns: runs.totalCount,
      health,
      fetchedAt: Date.now(),
    };
  }, [api, jobId]);

  const active = state.value?.runs.some(run => isRunActive(run.state)) ?? false;
  useInterval(
    () => {
      if (!state.loading) state.retry();
    },
    active ? ACTIVE_POLL_MS : null,
  );

  return { ...state, polling: active };
}
