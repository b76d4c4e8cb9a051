import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ingestionJobEntityRef } from '@internal/backstage-plugin-ingestion-common';
import { createIngestionClient } from '@internal/backstage-plugin-ingestion-node';
import { examples } from './createJob.examples';
import { serviceFailure, validationFailure } from './explainRefusal';
import { jobInputSchema } from './jobInputSchema';
import { toJobInput } from './toJobInput';

/** The page of an entity in the catalog frontend (its default `/catalog/:namespace/:kind/:name` route). */
function catalogEntityUrl(appBaseUrl: string, entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `${appBaseUrl.replace(/\/+$/, '')}/catalog/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}`;
}

/**
 * Creates the `ingestion:job:create` action: creates an ingestion job (`POST /jobs`) on behalf of the user running
 * the template, and outputs its id and the catalog entity that will represent it. The creation is checkpointed, so
 * a task that is retried or recovered does not create the job twice. In a dry run it only validates the job, and
 * outputs what would be created. `appBaseUrl` is the frontend's base URL (`app.baseUrl`), for the link to the job's
 * catalog page.
 *
 * @public
 */
export function createCreateJobAction(options: {
  auth: AuthService;
  discovery: DiscoveryService;
  appBaseUrl: string;
}) {
  const { auth, discovery, appBaseUrl } = options;
  return createTemplateAction({
    id: 'ingestion:job:create',
    description:
      "Creates an ingestion job for a tenant, admitted against the tenant's purchased capacity; it starts in the draft namespace",
    examples,
    supportsDryRun: true,
    schema: {
      input: jobInputSchema,
      output: {
        jobId: z =>
          z
            .string()
            .optional()
            .describe('Id of the created job (absent in a dry run)'),
        entityRef: z =>
          z
            .string()
            .describe('Ref of the catalog entity that represents the job'),
        entityUrl: z =>
          z.string().describe("Link to the job's page in the catalog"),
        pool: z =>
          z
            .enum(['dedicated', 'vcore-hours'])
            .optional()
            .describe('The capacity pool the job draws from'),
        job: z =>
          z
            .object({})
            .passthrough()
            .describe(
              'The job specification sent (in a dry run: that would be sent)',
            ),
      },
    },
    async handler(ctx) {
      const client = createIngestionClient({
        auth,
        discovery,
        credentials: () => ctx.getInitiatorCredentials(),
      });
      const job = toJobInput(ctx.input);
      const entityRef = ingestionJobEntityRef(job);
      ctx.output('job', job);
      ctx.output('entityRef', entityRef);
      ctx.output('entityUrl', catalogEntityUrl(appBaseUrl, entityRef));

      if (ctx.isDryRun) {
        const validation = await client.validateJob(job).catch(error => {
          throw serviceFailure(error, 'Validating the ingestion job');
        });
        if (!validation.valid) throw validationFailure(validation);
        if (validation.pool) ctx.output('pool', validation.pool);
        ctx.logger.info(
          `Dry run: would create ingestion job ${job.name} of ${job.tenant} in the ${validation.pool} pool, shown in the catalog as ${entityRef}`,
        );
        return;
      }

      const created = await ctx.checkpoint({
        key: `ingestion.job.create.${job.tenant}.${job.name}`,
        fn: async () => {
          const stored = await client.createJob(job).catch(error => {
            throw serviceFailure(error, 'Creating the ingestion job');
          });
          return { id: stored.id, pool: stored.pool };
        },
      });
      ctx.output('jobId', created.id);
      ctx.output('pool', created.pool);
      ctx.logger.info(
        `Created ingestion job ${created.id} (${job.name} of ${job.tenant}) in the ${created.pool} pool; it appears in the catalog as ${entityRef}`,
      );
    },
  });
}
