import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { IngestionClient } from '@internal/backstage-plugin-ingestion-common';
import { RiDatabase2Line } from '@remixicon/react';
import { ingestionApiRef } from './api';
import { rootRouteRef } from './routes';

const ingestionApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: ingestionApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new IngestionClient({ discoveryApi, fetchApi }),
    }),
});

const overviewPage = PageBlueprint.make({
  params: {
    path: '/ingestion',
    title: 'Ingestion',
    icon: <RiDatabase2Line />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/OverviewPage').then(m => <m.OverviewPage />),
  },
});

/**
 * The ingestion frontend plugin: the tenant's jobs and capacity, and the platform admin pages.
 *
 * @public
 */
export const ingestionPlugin = createFrontendPlugin({
  pluginId: 'ingestion',
  title: 'Ingestion',
  icon: <RiDatabase2Line />,
  info: { packageJson: () => import('../package.json') },
  extensions: [ingestionApi, overviewPage],
  routes: {
    root: rootRouteRef,
  },
});
