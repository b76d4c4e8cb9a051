import { createApiRef } from '@backstage/frontend-plugin-api';
import { IngestionApi } from '@internal/backstage-plugin-ingestion-common';

/** The ingestion backend's API, as a frontend utility API. */
export const ingestionApiRef = createApiRef<IngestionApi>().with({
  id: 'plugin.ingestion.api',
  pluginId: 'ingestion',
});
