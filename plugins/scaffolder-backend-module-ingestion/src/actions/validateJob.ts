import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { createIngestionClient } from '@internal/backstage-plugin-ingestion-node';
import { serviceFailure, validationFailure } from './explainRefusal';
import { jobInputSchema } from './jobInputSchema';
import { toJobInput } from './toJobInput';
import { examples } from './validateJob.examples';

/**
 * Creates the `ingestion:job:validate` action: checks a job specification and the tenant's capacity for it
 * (`POST /jobs/validate`, a dry run that stores nothing) on behalf of the user running the template. The step fails
 * with a message naming each bad field, or explaining why the job would not be admitted and which schedules would
 * fit instead.
 *
 * @public
 */
export function createValidateJobAction(options: {
  auth: AuthService;
  discovery: DiscoveryService;
}) {
  const { auth, discovery } = options;
  return createTemplateAction({
    id: 'ingestion:job:validate',
    description:
      "Checks an ingestion job's fields and whether the tenant's purchased capacity and the time slices admit it",
    examples,
    supportsDryRun: true,
    schema: {
      input: jobInputSchema,
      output: {
        valid: z =>
          z
            .boolean()
            .describe('Whether the job is valid and would be admitted'),
        pool: z =>
          z
            .enum(['dedicated', 'vcore-hours'])
            .optional()
            .describe('The capacity pool the job would draw from'),
        admission: z =>
          z
            .object({
              admitted: z.boolean(),
              status: z.number().optional(),
              reason: z.string().optional(),
              earliestStart: z.string().optional(),
              alternatives: z
                .array(
                  z.object({
                    shiftMinutes: z.number(),
                    firstStart: z.string(),
                    schedule: z.object({
                      type: z.enum(['cron', 'interval']),
                      expression: z.string().optional(),
                      timezone: z.string().optional(),
                      everyMinutes: z.number().optional(),
                      startAt: z.string().optional(),
                    }),
                  }),
                )
                .optional(),
            })
            .optional()
            .describe(
              'The capacity check: admitted, or why not and which windows would fit',
            ),
        problems: z =>
          z
            .array(z.object({ field: z.string(), message: z.string() }))
            .describe('Each bad field and what is wrong with it'),
      },
    },
    async handler(ctx) {
      const client = createIngestionClient({
        auth,
        discovery,
        credentials: () => ctx.getInitiatorCredentials(),
      });
      const job = toJobInput(ctx.input);
      ctx.logger.info(`Validating ingestion job ${job.name} of ${job.tenant}`);
      const validation = await client.validateJob(job).catch(error => {
        throw serviceFailure(error, 'Validating the ingestion job');
      });

      ctx.output('valid', validation.valid);
      if (validation.pool) ctx.output('pool', validation.pool);
      if (validation.admission) ctx.output('admission', validation.admission);
      ctx.output('problems', validation.problems);

      if (!validation.valid) throw validationFailure(validation);
      ctx.logger.info(
        `The job is valid and admitted in the ${validation.pool} pool`,
      );
    },
  });
}
