import { ingestionJobEntityName } from '@internal/backstage-plugin-ingestion-common';

/** Where a job's health page is in the portal: the Ingestion tab of its catalog entity. */
export function jobLink(job: { tenant: string; name: string }): string {
  const { namespace, name } = ingestionJobEntityName(job);
  return `/catalog/${namespace}/resource/${name}/ingestion`;
}
