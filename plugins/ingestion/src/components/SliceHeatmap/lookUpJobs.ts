import {
  IngestionApi,
  IngestionJob,
} from '@internal/backstage-plugin-ingestion-common';

const PAGE = 500;
const MAX_PAGES = 20;

/**
 * The jobs with the given ids that the caller may see, read page by page from `GET /jobs` until all are found
 * (platform admins see every job; tenants only their own, so others' ids stay unknown). Names are a nicety: a
 * failed lookup gives what was found so far.
 */
export async function lookUpJobs(
  api: Pick<IngestionApi, 'listJobs'>,
  ids: Iterable<string>,
): Promise<Map<string, IngestionJob>> {
  const wanted = new Set(ids);
  const found = new Map<string, IngestionJob>();
  try {
    for (let page = 0; page < MAX_PAGES && found.size < wanted.size; page++) {
      const { items, totalCount } = await api.listJobs({
        limit: PAGE,
        offset: page * PAGE,
      });
      for (const job of items) {
        if (wanted.has(job.id)) found.set(job.id, job);
      }
      if ((page + 1) * PAGE >= totalCount || items.length === 0) break;
    }
  } catch {
    // Keep what was found: the heatmap shows ids for the rest.
  }
  return found;
}
