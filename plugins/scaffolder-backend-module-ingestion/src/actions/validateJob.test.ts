import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError, InputError } from '@backstage/errors';
import { startAction, initiatorToken } from '../__testUtils__/startAction';
import {
  errorBody,
  fakeIngestionService,
} from '../__testUtils__/fakeIngestionService';
import { exampleJobInputs } from './exampleJobInputs';
import { createValidateJobAction } from './validateJob';

const input = exampleJobInputs.postgresNightly;

describe('ingestion:job:validate', () => {
  const service = fakeIngestionService();
  const action = createValidateJobAction({
    auth: mockServices.auth({ pluginId: 'scaffolder' }),
    discovery: mockServices.discovery(),
  });

  it('checks the job on behalf of the initiator and outputs the admission', async () => {
    service.answerValidate({
      valid: true,
      problems: [],
      pool: 'dedicated',
      admission: { admitted: true },
    });
    const { run, outputs } = startAction(action, input);

    await run;

    expect(service.requests).toEqual([
      {
        method: 'POST',
        path: '/jobs/validate',
        authorization: initiatorToken,
        body: {
          ...input,
          target: { ...input.target, format: 'parquet' },
        },
      },
    ]);
    expect(outputs).toEqual({
      valid: true,
      problems: [],
      pool: 'dedicated',
      admission: { admitted: true },
    });
  });

  it('fails the step naming every bad field', async () => {
    service.answerValidate({
      valid: false,
      problems: [
        { field: 'source.port', message: 'must be from 1 to 65535' },
        { field: 'schedule.timezone', message: 'must be an IANA time zone' },
      ],
    });
    const { run, outputs } = startAction(action, input);

    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow(
      'The ingestion job is not valid: source.port must be from 1 to 65535; schedule.timezone must be an IANA time zone',
    );
    expect(outputs).toMatchObject({ valid: false });
  });

  it('fails the step when the slices are full, offering the alternative start times', async () => {
    service.answerValidate({
      valid: false,
      problems: [],
      pool: 'dedicated',
      admission: {
        admitted: false,
        status: 409,
        reason: 'the dedicated namespace has no room at 02:00-02:30',
        alternatives: [
          {
            shiftMinutes: 30,
            firstStart: '2026-11-28T01:30:00.000Z',
            schedule: {
              type: 'cron',
              expression: '30 2 * * *',
              timezone: 'Europe/Berlin',
            },
          },
          {
            shiftMinutes: -60,
            firstStart: '2026-11-28T00:00:00.000Z',
            schedule: {
              type: 'cron',
              expression: '0 1 * * *',
              timezone: 'Europe/Berlin',
            },
          },
        ],
      },
    });
    const { run } = startAction(action, input);

    await expect(run).rejects.toThrow(ConflictError);
    await expect(run).rejects.toThrow(
      "The ingestion job would not be admitted. The platform has no room for this schedule: the dedicated namespace has no room at 02:00-02:30. Schedules that would fit: first run at 2026-11-28T01:30:00.000Z (30 minutes later: cron '30 2 * * *' Europe/Berlin); first run at 2026-11-28T00:00:00.000Z (60 minutes earlier: cron '0 1 * * *' Europe/Berlin).",
    );
  });

  it('fails the step when the tenant has no capacity to buy from', async () => {
    service.answerValidate({
      valid: false,
      problems: [],
      admission: {
        admitted: false,
        status: 402,
        reason: 'group:default/team-orion has bought no capacity yet',
      },
    });
    const { run } = startAction(action, input);

    await expect(run).rejects.toThrow(
      'The tenant lacks purchased capacity for this job: group:default/team-orion has bought no capacity yet.',
    );
  });

  it("reports the service's own reason when it refuses the request", async () => {
    service.answerValidate(
      errorBody(
        404,
        'NotFoundError',
        'No tenant group:default/team-vega of yours',
      ),
      404,
    );
    const { run } = startAction(action, {
      ...input,
      tenant: 'group:default/team-vega',
    });

    await expect(run).rejects.toThrow(
      'Validating the ingestion job failed: No tenant group:default/team-vega of yours',
    );
  });
});
