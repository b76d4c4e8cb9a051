import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError, InputError } from '@backstage/errors';
import {
  startAction,
  checkpointStore,
  initiatorToken,
} from '../__testUtils__/startAction';
import {
  errorBody,
  fakeIngestionService,
} from '../__testUtils__/fakeIngestionService';
import { createCreateJobAction } from './createJob';
import { exampleJobInputs } from './exampleJobInputs';

const input = exampleJobInputs.postgresNightly;
const sentJob = { ...input, target: { ...input.target, format: 'parquet' } };
const storedJob = {
  ...sentJob,
  id: '5d0c2a9e-0f5b-4a44-9d1e-2f4b9c1e7a01',
  pool: 'dedicated',
  lifecycle: 'draft',
  tier: 'draft',
  status: 'active',
};

describe('ingestion:job:create', () => {
  const service = fakeIngestionService();
  const action = createCreateJobAction({
    auth: mockServices.auth({ pluginId: 'scaffolder' }),
    discovery: mockServices.discovery(),
    appBaseUrl: 'http://portal.example.com/',
  });

  it('creates the job on behalf of the initiator and outputs its id, entity and link', async () => {
    service.answerCreate(storedJob);
    const { run, outputs } = startAction(action, input);

    await run;

    expect(service.requests).toEqual([
      {
        method: 'POST',
        path: '/jobs',
        authorization: initiatorToken,
        body: sentJob,
      },
    ]);
    expect(outputs).toEqual({
      jobId: '5d0c2a9e-0f5b-4a44-9d1e-2f4b9c1e7a01',
      entityRef: 'resource:default/team-orion-nightly-orders',
      entityUrl:
        'http://portal.example.com/catalog/default/resource/team-orion-nightly-orders',
      pool: 'dedicated',
      job: sentJob,
    });
  });

  it('does not create the job twice when the task is retried', async () => {
    service.answerCreate(storedJob);
    const checkpoint = checkpointStore();
    const first = startAction(action, input, { checkpoint });
    await first.run;
    const retry = startAction(action, input, { checkpoint });
    await retry.run;

    expect(service.requests.filter(r => r.path === '/jobs')).toHaveLength(1);
    expect(retry.outputs).toEqual(first.outputs);
  });

  it('in a dry run, validates instead of creating and outputs what would be created', async () => {
    service.answerValidate({
      valid: true,
      problems: [],
      pool: 'dedicated',
      admission: { admitted: true },
    });
    service.answerCreate(storedJob);
    const { run, outputs } = startAction(action, input, { isDryRun: true });

    await run;

    expect(service.requests.map(r => [r.path, r.authorization])).toEqual([
      ['/jobs/validate', initiatorToken],
    ]);
    expect(outputs).toEqual({
      entityRef: 'resource:default/team-orion-nightly-orders',
      entityUrl:
        'http://portal.example.com/catalog/default/resource/team-orion-nightly-orders',
      pool: 'dedicated',
      job: sentJob,
    });
  });

  it('in a dry run, fails naming the bad fields', async () => {
    service.answerValidate({
      valid: false,
      problems: [{ field: 'name', message: 'must be 1-63 lower-case letters' }],
    });
    const { run } = startAction(
      action,
      { ...input, name: 'Nightly Orders' },
      { isDryRun: true },
    );

    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow(
      'The ingestion job is not valid: name must be 1-63 lower-case letters',
    );
    expect(service.requests.map(r => r.path)).toEqual(['/jobs/validate']);
  });

  it("fails with the service's reason when the job is not admitted", async () => {
    service.answerCreate(
      errorBody(
        409,
        'AdmissionRefusedError',
        'the dedicated namespace has no room at 02:00-02:30',
      ),
      409,
    );
    const { run, outputs } = startAction(action, input);

    await expect(run).rejects.toThrow(ConflictError);
    await expect(run).rejects.toThrow(
      'Creating the ingestion job failed, the job was not admitted: the dedicated namespace has no room at 02:00-02:30',
    );
    expect(outputs.jobId).toBeUndefined();
  });

  it('fails with the fields the service names when it refuses the job as invalid', async () => {
    service.answerCreate(
      errorBody(
        400,
        'InputError',
        'Invalid ingestion job: source.password credentials are never accepted in a job',
      ),
      400,
    );
    const { run } = startAction(action, {
      ...input,
      source: { ...input.source, password: 'hunter2' },
    });

    await expect(run).rejects.toThrow(
      'Creating the ingestion job failed, the job is not valid: Invalid ingestion job: source.password credentials are never accepted in a job',
    );
  });
});
