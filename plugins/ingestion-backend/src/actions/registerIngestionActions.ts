import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { JsonObject } from '@backstage/types';
import { CapacityService } from '../services/CapacityService';
import { JobService } from '../services/JobService';
import { ForecastService } from '../services/forecast/ForecastService';
import { CallerResolver } from '../tenancy/CallerResolver';

/** JSON of a service's answer, for an action's output (dates and undefined fields as the REST API sends them). */
const asJson = (value: unknown): JsonObject =>
  JSON.parse(JSON.stringify(value));

/**
 * The main operations as Backstage actions (the actions registry), so that other plugins and, through
 * `@backstage/plugin-mcp-actions-backend`, AI assistants can use them. Each runs as the calling user, through the
 * same services and tenant checks as the REST API: a user sees and changes only their own tenants.
 */
export function registerIngestionActions(deps: {
  actionsRegistry: ActionsRegistryService;
  callers: CallerResolver;
  capacity: CapacityService;
  jobs: JobService;
  forecast: ForecastService;
}) {
  const { actionsRegistry, callers, capacity, jobs, forecast } = deps;

  actionsRegistry.register({
    name: 'get-tenant-capacity',
    title: 'Get a tenant’s capacity',
    description:
      'The dedicated units and vCPU-hour balance of one of your tenants (a catalog Group ref such as ' +
      'group:default/team-orion): hours bought, used and left, consumption rate, expected depletion, purchases.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z => z.object({ tenant: z.string().describe('Tenant group ref') }),
      output: z => z.object({ capacity: z.record(z.unknown()) }),
    },
    action: async ({ input, credentials }) => {
      const caller = await callers.resolveCredentials(credentials);
      callers.assertTenantAccess(caller, input.tenant);
      return {
        output: { capacity: asJson(await capacity.capacity(input.tenant)) },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-tenant-trend',
    title: 'Get a tenant’s usage trend and forecast',
    description:
      'How one of your tenants’ use of capacity has grown and where it is heading: its recent core-hours and ' +
      'the forecast growth of its demand.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z => z.object({ tenant: z.string().describe('Tenant group ref') }),
      output: z => z.object({ trend: z.record(z.unknown()).optional() }),
    },
    action: async ({ input, credentials }) => {
      const caller = await callers.resolveCredentials(credentials);
      callers.assertTenantAccess(caller, input.tenant);
      const { tenants } = await forecast.tenantTrends('runs', input.tenant);
      return {
        output: tenants[0] ? { trend: asJson(tenants[0]) } : {},
      };
    },
  });

  actionsRegistry.register({
    name: 'validate-job',
    title: 'Check an ingestion job before creating it',
    description:
      'Checks an ingestion job specification (the body of POST /jobs) without saving it: every bad field with ' +
      'its reason, and whether the tenant’s capacity and the slice calendar admit its schedule; when they do not, ' +
      'why, and the shifted schedules that would fit.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          job: z
            .record(z.unknown())
            .describe('The job specification, as POST /jobs takes it'),
        }),
      output: z => z.object({ validation: z.record(z.unknown()) }),
    },
    action: async ({ input, credentials }) => {
      const caller = await callers.resolveCredentials(credentials);
      return {
        output: { validation: asJson(await jobs.validate(caller, input.job)) },
      };
    },
  });

  actionsRegistry.register({
    name: 'create-job',
    title: 'Create an ingestion job',
    description:
      'Creates an ingestion job for one of your tenants (the body of POST /jobs). It starts in the draft ' +
      'namespace, where its first runs profile it. Refused, with the reason, when a field is wrong or the ' +
      'capacity or the slice calendar cannot take it: use validate-job first.',
    attributes: { readOnly: false, idempotent: false, destructive: false },
    schema: {
      input: z =>
        z.object({
          job: z
            .record(z.unknown())
            .describe('The job specification, as POST /jobs takes it'),
        }),
      output: z => z.object({ job: z.record(z.unknown()) }),
    },
    action: async ({ input, credentials }) => {
      const caller = await callers.resolveCredentials(credentials);
      return { output: { job: asJson(await jobs.create(caller, input.job)) } };
    },
  });

  actionsRegistry.register({
    name: 'run-job',
    title: 'Run an ingestion job now',
    description:
      'Queues a run of one of your tenants’ jobs now. The answer is the queued run, with its estimated start when ' +
      'its namespace is busy.',
    attributes: { readOnly: false, idempotent: false, destructive: false },
    schema: {
      input: z => z.object({ jobId: z.string().describe('The job id') }),
      output: z => z.object({ run: z.record(z.unknown()) }),
    },
    action: async ({ input, credentials }) => {
      const caller = await callers.resolveCredentials(credentials);
      const { replayed: _replayed, ...run } = await jobs.executeNow(
        caller,
        input.jobId,
      );
      return { output: { run: asJson(run) } };
    },
  });
}
