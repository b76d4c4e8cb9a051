import { useApi } from '@backstage/frontend-plugin-api';
import { useCallback, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useDebounce from 'react-use/esm/useDebounce';
import { ingestionApiRef } from '../../api';
import { upcomingRuns } from '../../lib/upcomingRuns';
import { JobFilter } from '../JobFilters';
import { JobRow } from '../JobsTable';

export const JOB_PAGE_SIZES = [10, 20, 50];
const SEARCH_DEBOUNCE_MS = 300;

/**
 * One page of the caller's jobs, filtered and searched by the API (`GET /jobs` query parameters), each with its
 * latest run. Changing a filter or the search goes back to the first page; `retry` reloads the page shown. While a
 * page loads, the previous one stays on screen.
 */
export function useJobList() {
  const api = useApi(ingestionApiRef);
  const [filter, setFilterState] = useState<JobFilter>({});
  const [search, setSearch] = useState('');
  const [appliedSearch, setAppliedSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [pageSize, setPageSizeState] = useState(20);

  useDebounce(
    () => {
      if (search.trim() === appliedSearch) return;
      setAppliedSearch(search.trim());
      setOffset(0);
    },
    SEARCH_DEBOUNCE_MS,
    [search],
  );

  const page = useAsyncRetry(async () => {
    const jobs = await api.listJobs({
      ...filter,
      search: appliedSearch || undefined,
      limit: pageSize,
      offset,
    });
    const now = Date.now();
    const rows: JobRow[] = await Promise.all(
      jobs.items.map(async job => ({
        ...job,
        // The latest run is a nicety: a job whose runs cannot be read is still listed.
        lastRun: await api
          .listRuns(job.id, { limit: 1 })
          .then(runs => runs.items[0])
          .catch(() => undefined),
        nextRunAt:
          job.status === 'active'
            ? upcomingRuns(job.schedule, now, 1)[0]
            : undefined,
      })),
    );
    return { rows, totalCount: jobs.totalCount, offset, fetchedAt: now };
  }, [api, filter, appliedSearch, offset, pageSize]);

  const setFilter = useCallback((next: JobFilter) => {
    setFilterState(next);
    setOffset(0);
  }, []);
  const setPageSize = useCallback((size: number) => {
    setPageSizeState(size);
    setOffset(0);
  }, []);

  return {
    page,
    filter,
    setFilter,
    search,
    setSearch,
    offset,
    pageSize,
    setPageSize,
    setOffset,
  };
}
