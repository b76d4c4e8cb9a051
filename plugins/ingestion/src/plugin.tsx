import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  IngestionClient,
  INGESTION_JOB_ENTITY_TYPE,
} from '@internal/backstage-plugin-ingestion-common';
import {
  RiCalculatorLine,
  RiLineChartLine,
  RiDatabase2Line,
  RiPlayListLine,
  RiServerLine,
  RiWallet3Line,
} from '@remixicon/react';
import { ingestionApiRef } from './api';
import {
  adminRouteRef,
  capacityRouteRef,
  estimatorRouteRef,
  forecastRouteRef,
  jobsRouteRef,
  rootRouteRef,
} from './routes';

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

/** The caller's tenants' jobs: paged, filtered, run now, paused and resumed (requirement 3). */
const jobsPage = PageBlueprint.make({
  name: 'jobs',
  params: {
    path: '/ingestion/jobs',
    title: 'Jobs',
    icon: <RiPlayListLine />,
    routeRef: jobsRouteRef,
    loader: () => import('./components/JobsPage').then(m => <m.JobsPage />),
  },
});

/** The "Ingestion" tab of ingestion-job entities: configuration, runs, charts and actions (requirements 3, 11). */
const jobEntityContent = EntityContentBlueprint.make({
  name: 'job',
  params: {
    path: '/ingestion',
    title: 'Ingestion',
    icon: <RiPlayListLine />,
    filter: { kind: 'resource', 'spec.type': INGESTION_JOB_ENTITY_TYPE },
    loader: () =>
      import('./components/JobIngestionTab').then(m => <m.JobIngestionTab />),
  },
});

/** A tenant's balance, burn-down, purchases and purchase form (requirements 2 and 9). */
const capacityPage = PageBlueprint.make({
  name: 'capacity',
  params: {
    path: '/ingestion/capacity',
    title: 'Capacity',
    icon: <RiWallet3Line />,
    routeRef: capacityRouteRef,
    loader: () =>
      import('./components/CapacityPage').then(m => <m.CapacityPage />),
  },
});

/** The resource estimator: units, duration interval and cost of both purchase models (requirement 4). */
const estimatorPage = PageBlueprint.make({
  name: 'estimator',
  params: {
    path: '/ingestion/estimator',
    title: 'Estimator',
    icon: <RiCalculatorLine />,
    routeRef: estimatorRouteRef,
    loader: () =>
      import('./components/EstimatorPage').then(m => <m.EstimatorPage />),
  },
});

/** The Spark Unit registry, editable by platform admins (requirement 1). */
const adminPage = PageBlueprint.make({
  name: 'admin',
  params: {
    path: '/ingestion/admin',
    title: 'Platform admin',
    icon: <RiServerLine />,
    routeRef: adminRouteRef,
    loader: () => import('./components/AdminPage').then(m => <m.AdminPage />),
  },
});

/** Capacity forecasts, purchase advice and tenant growth for platform admins (requirement 12). */
const forecastPage = PageBlueprint.make({
  name: 'forecast',
  params: {
    path: '/ingestion/forecast',
    title: 'Forecast',
    icon: <RiLineChartLine />,
    routeRef: forecastRouteRef,
    loader: () =>
      import('./components/ForecastPage').then(m => <m.ForecastPage />),
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
  extensions: [
    ingestionApi,
    overviewPage,
    jobsPage,
    capacityPage,
    estimatorPage,
    adminPage,
    forecastPage,
    jobEntityContent,
  ],
  routes: {
    root: rootRouteRef,
    jobs: jobsRouteRef,
    capacity: capacityRouteRef,
    estimator: estimatorRouteRef,
    admin: adminRouteRef,
    forecast: forecastRouteRef,
  },
});
