import {
  IngestionApi,
  IngestionJob,
} from '@internal/backstage-plugin-ingestion-common';

/**
 * Reads every job, page by page, until a short page or the reported total says there are no more.
 *
 * @param client - an ingestion client whose caller may see all jobs (a backend service)
 * @param pageSize - jobs asked for per request
 */
export async function readAllJobs(
  client: Pick<IngestionApi, 'listJobs'>,
  pageSize: number,
): Promise<IngestionJob[]> {
  const jobs: IngestionJob[] = [];
  for (;;) {
    const page = await client.listJobs({
      limit: pageSize,
      offset: jobs.length,
    });
    jobs.push(...page.items);
    if (page.items.length < pageSize || jobs.length >= page.totalCount) {
      return jobs;
    }
  }
}
