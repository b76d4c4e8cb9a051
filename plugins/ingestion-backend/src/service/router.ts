import {
  AuditorService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CallerResolver } from '../tenancy/CallerResolver';
import { CapacityService } from '../services/CapacityService';
import { JobService } from '../services/JobService';
import { registerJobRoutes } from './routes/jobRoutes';
import { registerSchedulerRoutes } from './routes/schedulerRoutes';
import { SliceCalendarService } from '../scheduler/SliceCalendarService';
import { createOpenApiRouter, spec } from '../schema/openapi.generated';
import { rejectUnknownFields } from './rejectUnknownFields';
import express from 'express';
import { registerCallerRoutes } from './routes/callerRoutes';
import { registerRegistryRoutes } from './routes/registryRoutes';
import { registerCapacityRoutes } from './routes/capacityRoutes';
import { registerEstimateRoutes } from './routes/estimateRoutes';
import { EstimateService } from '../services/EstimateService';
import { registerForecastRoutes } from './routes/forecastRoutes';
import { ForecastService } from '../services/forecast/ForecastService';
import { registerLendingRoutes } from './routes/lendingRoutes';
import { CapacityLending } from '../services/lending/CapacityLending';
import { ApiClientService } from '../services/ApiClientService';
import { registerApiClientRoutes } from './routes/apiClientRoutes';
import { registerMetricsRoutes } from './routes/metricsRoutes';
import { MetricsService } from '../services/MetricsService';

export interface RouterOptions {
  callers: CallerResolver;
  permissions: PermissionsService;
  auditor: AuditorService;
  capacity: CapacityService;
  jobs: JobService;
  calendar: SliceCalendarService;
  estimates: EstimateService;
  forecast: ForecastService;
  lending: CapacityLending;
  apiClients: ApiClientService;
  metrics: MetricsService;
}

export type ApiRouter = Awaited<ReturnType<typeof createOpenApiRouter>>;

/**
 * The plugin's REST API. Routes are declared against the OpenAPI document: a request to a path or with a body the
 * document does not describe is refused before it reaches a handler, and responses are checked too.
 *
 * @internal
 */
export async function createRouter(options: RouterOptions): Promise<ApiRouter> {
  // Authentication (callers.authenticateRequests) runs before this router: errors of its middleware option are
  // answered as 400.
  const router = await createOpenApiRouter({
    middleware: [express.json(), rejectUnknownFields(spec)],
    // Authentication is Backstage's (httpAuth); the validator checks paths, parameters, bodies and responses.
    validatorOptions: {
      ignoreUndocumented: false,
      validateResponses: true,
      validateSecurity: false,
    },
  });
  registerCallerRoutes(router, options);
  registerRegistryRoutes(router, options);
  registerCapacityRoutes(router, options);
  registerJobRoutes(router, options);
  registerSchedulerRoutes(router, options);
  registerEstimateRoutes(router, options);
  registerForecastRoutes(router, options);
  registerLendingRoutes(router, options);
  registerApiClientRoutes(router, options);
  registerMetricsRoutes(router, options);
  return router;
}
