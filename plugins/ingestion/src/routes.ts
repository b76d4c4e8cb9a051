import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The ingestion overview page. */
export const rootRouteRef = createRouteRef();

/** A tenant's capacity: balance, burn-down, purchases. */
export const capacityRouteRef = createRouteRef();

/** The platform admin page: the Spark Unit registry. */
export const adminRouteRef = createRouteRef();

/** The caller's tenants' ingestion jobs. */
export const jobsRouteRef = createRouteRef();

/** The resource estimator. */
export const estimatorRouteRef = createRouteRef();
/** Capacity forecasts and purchase advice (platform admins). */
export const forecastRouteRef = createRouteRef();
