import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  ingestionAdminPermissions,
  ingestionCapacityPurchasePermission,
} from '@internal/backstage-plugin-ingestion-common';
import { TenantAdminGroups } from './tenancy/TenantAdminGroups';
import {
  isTenantAdminRule,
  tenantResourceRef,
} from './tenancy/tenantAdminRule';
import { readIngestionConfig } from './config';
import { migrateDatabase } from './database/migrateDatabase';
import { DatabaseSparkUnitRegistryStore } from './database/DatabaseSparkUnitRegistryStore';
import { CapacityService } from './services/CapacityService';
import { JobService } from './services/JobService';
import { PurchasedCapacityCheck } from './services/admission/PurchasedCapacityCheck';
import { DatabaseJobStore } from './database/DatabaseJobStore';
import { DatabaseRunStore } from './database/DatabaseRunStore';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { ingestionExecutorExtensionPoint } from '@internal/backstage-plugin-ingestion-node';
import { ExecutorRegistry } from './scheduler/ExecutorRegistry';
import { RunDispatcher } from './scheduler/RunDispatcher';
import { NotifyingRunAlerts } from './services/RunAlerts';
import { DemoSeeder } from './demo/DemoSeeder';
import { SliceCalendarService } from './scheduler/SliceCalendarService';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { createRouter } from './service/router';
import { AdmissionQueue } from './services/admission/AdmissionQueue';
import { LifecycleService } from './services/lifecycle/LifecycleService';
import { DatabaseLifecycleStore } from './database/DatabaseLifecycleStore';
import { CallerResolver } from './tenancy/CallerResolver';
import { EstimateService } from './services/EstimateService';
import { readEstimatorConfig } from './estimatorConfig';
import { DatabaseUsageRollupStore } from './database/DatabaseUsageRollupStore';
import { ForecastService } from './services/forecast/ForecastService';
import { mstlForecaster } from './services/forecast/mstlForecaster';
import { seedDemoUsageHistory } from './demo/seedDemoUsageHistory';
import { CapacityLending } from './services/lending/CapacityLending';
import { DatabaseLendingAuditStore } from './database/DatabaseLendingAuditStore';
import { readExternalClientsConfig } from './tenancy/apiClients/externalClientsConfig';
import { ApiClientTokenVerifier } from './tenancy/apiClients/ApiClientTokenVerifier';
import { DatabaseApiClientStore } from './database/DatabaseApiClientStore';
import { ApiClientService } from './services/ApiClientService';
import { MetricsService } from './services/MetricsService';
import { registerIngestionActions } from './actions/registerIngestionActions';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { DatabaseRunMetricsStore } from './database/DatabaseRunMetricsStore';

/**
 * The ingestion backend plugin: capacity registry, tenant capacity, jobs, scheduling and runs.
 *
 * @public
 */
export const ingestionPlugin = createBackendPlugin({
  pluginId: 'ingestion',
  register(env) {
    const executors = new ExecutorRegistry();
    env.registerExtensionPoint(ingestionExecutorExtensionPoint, executors);
    env.registerInit({
      deps: {
        rootConfig: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        userInfo: coreServices.userInfo,
        auth: coreServices.auth,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        permissions: coreServices.permissions,
        auditor: coreServices.auditor,
        scheduler: coreServices.scheduler,
        notifications: notificationService,
        signals: signalsServiceRef,
        events: eventsServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const config = readIngestionConfig(deps.rootConfig);
        const db = await migrateDatabase(deps.database);

        const registry = new DatabaseSparkUnitRegistryStore(db);
        await registry.seed(
          {
            dedicated: config.namespaces.dedicated.initialSparkUnits,
            'vcore-hours': config.namespaces['vcore-hours'].initialSparkUnits,
            draft: config.namespaces.draft.initialSparkUnits,
          },
          'config',
        );

        deps.permissionsRegistry.addPermissions(ingestionAdminPermissions);
        const tenantAdmins = new TenantAdminGroups({
          catalog: deps.catalog,
          auth: deps.auth,
        });
        deps.permissionsRegistry.addResourceType({
          resourceRef: tenantResourceRef,
          permissions: [ingestionCapacityPurchasePermission],
          rules: [isTenantAdminRule],
          getResources: refs => tenantAdmins.load(refs),
        });

        const externalClients = readExternalClientsConfig(deps.rootConfig);
        const apiClientStore = new DatabaseApiClientStore(db);
        const callers = new CallerResolver({
          httpAuth: deps.httpAuth,
          userInfo: deps.userInfo,
          auth: deps.auth,
          catalog: deps.catalog,
          platformAdminGroup: config.platformAdminGroup,
          servicePrincipals: config.servicePrincipals,
          apiClients: externalClients && {
            tokens: new ApiClientTokenVerifier(externalClients, Date.now),
            registry: apiClientStore,
          },
        });
        const apiClients = new ApiClientService({
          store: apiClientStore,
          isTenant: ref => callers.isTenant(ref),
          now: () => new Date(),
        });

        const capacity = new CapacityService({
          db,
          config,
          logger: deps.logger,
          notifications: deps.notifications,
          signals: deps.signals,
          events: deps.events,
        });
        await deps.scheduler.scheduleTask({
          id: 'ingestion-ledger-expiries',
          frequency: { seconds: 30 },
          timeout: { seconds: 25 },
          scope: 'global',
          fn: async () => {
            await capacity.recordExpiries();
          },
        });

        const jobStore = new DatabaseJobStore(db);
        const runStore = new DatabaseRunStore(db);
        const estimatorConfig = readEstimatorConfig(deps.rootConfig);
        const calendar = new SliceCalendarService({
          config,
          sizingConfidence: estimatorConfig.confidence,
          jobs: jobStore,
          runs: runStore,
          capacity,
          logger: deps.logger,
        });
        const admissions = new AdmissionQueue();
        const lifecycle = new LifecycleService({
          profilingRuns: config.profilingRuns,
          sizingConfidence: estimatorConfig.confidence,
          jobs: jobStore,
          runs: runStore,
          lifecycle: new DatabaseLifecycleStore(db),
          calendar,
          admissions,
          notifications: deps.notifications,
          events: deps.events,
          logger: deps.logger,
        });
        const rollups = new DatabaseUsageRollupStore(db);
        const lending = CapacityLending.of({
          config,
          capacity,
          audit: new DatabaseLendingAuditStore(db),
          runs: runStore,
          rollups,
          signals: deps.signals,
          logger: deps.logger,
        });
        const executor = executors.select(config.executor);
        const dispatcher = executor
          ? new RunDispatcher({
              config,
              jobs: jobStore,
              runs: runStore,
              capacity,
              executor,
              logger: deps.logger,
              runFinished: lifecycle,
              alerts: new NotifyingRunAlerts({
                notifications: deps.notifications,
                logger: deps.logger,
              }),
              lending,
            })
          : undefined;
        if (dispatcher) {
          await dispatcher.reconcile();
          await deps.scheduler.scheduleTask({
            id: 'ingestion-dispatcher',
            frequency: { seconds: config.dispatchIntervalSeconds },
            timeout: { minutes: 5 },
            scope: 'global',
            fn: async () => {
              await dispatcher.tick();
            },
          });
        } else {
          deps.logger.warn(
            `No ingestion executor is installed (${
              executors.ids().join(', ') || 'none'
            }): runs are queued but not started`,
          );
        }

        await calendar.rebuild();
        // Room may have appeared for drafts that earned production but found none.
        capacity.onChange(async () => {
          await calendar.rebuild();
          await lifecycle.retryPromotions();
        });
        await deps.scheduler.scheduleTask({
          // Every replica keeps its own calendar in memory, so each rolls its own forward.
          id: 'ingestion-slice-calendar-advance',
          frequency: { minutes: 1 },
          timeout: { minutes: 1 },
          scope: 'local',
          fn: () => calendar.advance(),
        });

        const jobs = new JobService({
          config,
          jobs: jobStore,
          runs: runStore,
          dispatcher,
          executor,
          capacity,
          admission: [new PurchasedCapacityCheck(capacity), calendar],
          admissions,
          lifecycle,
          calendar,
          events: deps.events,
          logger: deps.logger,
        });

        try {
          await new DemoSeeder({
            config: deps.rootConfig,
            localTargetRoot: config.localTargetRoot,
            capacity,
            jobs,
            logger: deps.logger,
          }).seedIfEmpty();
        } catch (error) {
          deps.logger.warn(
            `The quick-start demo could not be seeded: ${error}`,
          );
        }

        const estimates = new EstimateService({
          jobs: jobStore,
          runs: runStore,
          getJob: (caller, id) => jobs.get(caller, id),
          sparkUnitSize: config.sparkUnitSize,
          estimator: estimatorConfig,
          ...(executor?.readEventLog && {
            readEventLog: (runId: string) => executor.readEventLog!(runId),
          }),
          now: Date.now,
        });
        const forecast = new ForecastService({
          rollups,
          registry: () => capacity.registry(),
          sparkUnitSize: config.sparkUnitSize,
          platformAdminGroup: config.platformAdminGroup,
          forecaster: mstlForecaster(),
          notifications: deps.notifications,
          logger: deps.logger,
          now: () => Date.now(),
        });
        await seedDemoUsageHistory({
          config: deps.rootConfig,
          rollups,
          sparkUnitSize: config.sparkUnitSize,
          now: Date.now(),
          logger: deps.logger,
        });
        await deps.scheduler.scheduleTask({
          id: 'ingestion-capacity-forecast',
          frequency: { minutes: 15 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 10 },
          scope: 'global',
          fn: async () => {
            await forecast.rollUp();
            await forecast.evaluateAlerts();
          },
        });

        deps.httpRouter.use(callers.authenticateRequests());
        registerIngestionActions({
          actionsRegistry: deps.actionsRegistry,
          callers,
          capacity,
          jobs,
          forecast,
        });
        deps.httpRouter.use(
          await createRouter({
            callers,
            permissions: deps.permissions,
            auditor: deps.auditor,
            capacity,
            jobs,
            calendar,
            estimates,
            forecast,
            lending,
            apiClients,
            metrics: new MetricsService({
              store: new DatabaseRunMetricsStore(db),
              getJob: (caller, id) => jobs.get(caller, id),
              registry: () => capacity.registry(),
              now: Date.now,
            }),
          }),
        );
        // Backstage cannot verify the authorization server's tokens (its jwks access keeps only `sub`, and the
        // client registry needs the client id and scopes), so with API clients configured the plugin's own barrier
        // (callers.authenticateRequests) authenticates every request instead of Backstage's.
        deps.httpRouter.addAuthPolicy({
          path: externalClients ? '/' : '/health',
          allow: 'unauthenticated',
        });
        deps.logger.info(
          `Ingestion plugin ready: Spark Unit = ${config.sparkUnitSize.cores} cores / ${config.sparkUnitSize.memoryGiB} GiB`,
        );
      },
    });
  },
});
