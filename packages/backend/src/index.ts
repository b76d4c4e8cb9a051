import { createBackend } from '@backstage/backend-defaults';
import { ingestionExecutors } from './executors';
import { rootHttpRouterWithoutInternals } from './rootHttpRouter';
import { guestSignInGuard } from './guestSignInGuard';

const backend = createBackend();

// Error bodies without stack traces or the machine's paths, whatever NODE_ENV says.
backend.add(rootHttpRouterWithoutInternals);

// Serves the built frontend bundle (packages/app) at the backend's base URL.
backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: the guest provider for the quick start only (the guard refuses to start with it outside
// development); an OAuth 2.0 provider in production (app-config.production.yaml).
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-oauth2-provider'));
backend.add(guestSignInGuard);

// Catalog: tenants are Groups, ingestion jobs are Resources of type ingestion-job.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(
  import('@internal/backstage-plugin-catalog-backend-module-ingestion'),
);

// Scaffolder: the "New ingestion job" template.
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
backend.add(
  import('@internal/backstage-plugin-scaffolder-backend-module-ingestion'),
);

// Permissions, decided by the ingestion policy (platform admins vs tenant members).
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import(
    '@internal/backstage-plugin-permission-backend-module-ingestion-policy'
  ),
);

// Kubernetes: shows each job's Spark driver and executor pods on its entity page.
backend.add(import('@backstage/plugin-kubernetes-backend'));

// Events: the bus the catalog and signals subscribe to.
backend.add(import('@backstage/plugin-events-backend'));

// Notifications (balance alerts, SLA misses) and signals (live page updates).
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-user-settings-backend'));

// The ingestion service itself.
backend.add(import('@internal/backstage-plugin-ingestion-backend'));
backend.add(ingestionExecutors);

// The ingestion actions (get-tenant-capacity, validate-job, create-job, run-job, ...) as MCP tools for AI
// assistants, at /api/mcp-actions/v1; backend.actions.pluginSources picks the plugins whose actions are served.
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
