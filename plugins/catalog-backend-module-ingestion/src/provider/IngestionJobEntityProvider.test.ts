import {
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { IngestionJob } from '@internal/backstage-plugin-ingestion-common';
import {
  INGESTION_JOB_EVENTS_TOPIC,
  IngestionJobEvent,
} from '@internal/backstage-plugin-ingestion-node';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { aJob } from '../__testUtils__/jobs';
import { IngestionJobEntityProvider } from './IngestionJobEntityProvider';

const JOBS_URL = 'http://localhost:0/api/ingestion/jobs';

const catalogServiceToken = mockCredentials.service.token({
  onBehalfOf: mockCredentials.service('plugin:catalog'),
  targetPluginId: 'ingestion',
});

const jobNumber = (n: number) => aJob({ id: `job-${n}`, name: `job-${n}` });

/** A provider connected to a recording connection, with its scheduled task captured instead of run. */
async function connectedProvider(options: { pageSize?: number } = {}) {
  const events = mockServices.events();
  const logger = mockServices.logger.mock();
  const schedules: SchedulerServiceTaskScheduleDefinition[] = [];
  const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
  const scheduler = mockServices.scheduler.mock({
    createScheduledTaskRunner: schedule => {
      schedules.push(schedule);
      return { run: async task => void tasks.push(task) };
    },
  });
  const provider = IngestionJobEntityProvider.fromConfig(
    mockServices.rootConfig({
      data: {
        catalog: {
          providers: { ingestionJobs: { pageSize: options.pageSize ?? 200 } },
        },
      },
    }),
    {
      logger,
      scheduler,
      auth: mockServices.auth({ pluginId: 'catalog' }),
      discovery: mockServices.discovery(),
      events,
    },
  );
  const mutations: EntityProviderMutation[] = [];
  const connection: EntityProviderConnection = {
    applyMutation: async mutation => void mutations.push(mutation),
    refresh: jest.fn(),
  };
  await provider.connect(connection);
  const publish = (event: IngestionJobEvent) =>
    events.publish({ topic: INGESTION_JOB_EVENTS_TOPIC, eventPayload: event });
  return { provider, mutations, tasks, schedules, logger, publish };
}

const entityNames = (mutation: EntityProviderMutation) =>
  mutation.type === 'full'
    ? mutation.entities.map(e => e.entity.metadata.name)
    : mutation.added.map(e => e.entity.metadata.name);

describe('IngestionJobEntityProvider', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  /** Serves the given jobs on GET /jobs, honouring limit and offset, and records each request. */
  function serveJobs(jobs: IngestionJob[]) {
    const requests: {
      offset: string | null;
      limit: string | null;
      authorization: string | null;
    }[] = [];
    server.use(
      http.get(JOBS_URL, ({ request }) => {
        const url = new URL(request.url);
        const limit = Number(url.searchParams.get('limit') ?? 50);
        const offset = Number(url.searchParams.get('offset') ?? 0);
        requests.push({
          offset: url.searchParams.get('offset'),
          limit: url.searchParams.get('limit'),
          authorization: request.headers.get('authorization'),
        });
        return HttpResponse.json({
          items: jobs.slice(offset, offset + limit),
          totalCount: jobs.length,
        });
      }),
    );
    return requests;
  }

  it('is named ingestion-jobs and refreshes on a global schedule', async () => {
    const { provider, tasks, schedules } = await connectedProvider();

    expect(provider.getProviderName()).toBe('ingestion-jobs');
    expect(schedules).toEqual([
      expect.objectContaining({
        frequency: { minutes: 5 },
        scope: 'global',
      }),
    ]);
    expect(tasks.map(t => t.id)).toEqual(['ingestion-jobs:refresh']);
  });

  it('pages through every job with its own service token and applies them as a full mutation', async () => {
    const jobs = [1, 2, 3, 4, 5].map(jobNumber);
    const requests = serveJobs(jobs);
    const { tasks, mutations } = await connectedProvider({ pageSize: 2 });

    await tasks[0].fn(new AbortController().signal);

    expect(requests).toEqual([
      {
        offset: '0',
        limit: '2',
        authorization: `Bearer ${catalogServiceToken}`,
      },
      {
        offset: '2',
        limit: '2',
        authorization: `Bearer ${catalogServiceToken}`,
      },
      {
        offset: '4',
        limit: '2',
        authorization: `Bearer ${catalogServiceToken}`,
      },
    ]);
    expect(mutations).toHaveLength(1);
    expect(mutations[0].type).toBe('full');
    expect(entityNames(mutations[0])).toEqual([
      'team-orion-job-1',
      'team-orion-job-2',
      'team-orion-job-3',
      'team-orion-job-4',
      'team-orion-job-5',
    ]);
    expect(
      mutations[0].type === 'full' &&
        mutations[0].entities.every(e => e.locationKey === 'ingestion-jobs'),
    ).toBe(true);
  });

  it('stops paging when a full page is the last one', async () => {
    const requests = serveJobs([1, 2, 3, 4].map(jobNumber));
    const { tasks, mutations } = await connectedProvider({ pageSize: 2 });

    await tasks[0].fn(new AbortController().signal);

    expect(requests.map(r => r.offset)).toEqual(['0', '2']);
    expect(entityNames(mutations[0])).toHaveLength(4);
  });

  it('logs a failed read and leaves the catalog as it is', async () => {
    server.use(
      http.get(JOBS_URL, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'database down' } },
          { status: 503 },
        ),
      ),
    );
    const { tasks, mutations, logger } = await connectedProvider();

    await tasks[0].fn(new AbortController().signal);

    expect(mutations).toEqual([]);
    expect(logger.child).toHaveBeenCalledWith(
      expect.objectContaining({ taskId: 'ingestion-jobs:refresh' }),
    );
    const taskLogger = jest.mocked(logger.child).mock.results[0].value;
    expect(taskLogger.error).toHaveBeenCalledWith(
      'Refreshing ingestion job entities failed',
      expect.objectContaining({ message: expect.stringContaining('503') }),
    );
  });

  it('adds the entity of an upserted job and removes the entity of a deleted one', async () => {
    const { mutations, publish } = await connectedProvider();
    const job = jobNumber(7);

    await publish({ action: 'upserted', job });
    await publish({
      action: 'deleted',
      jobId: job.id,
      tenant: job.tenant,
      name: job.name,
    });

    expect(mutations).toEqual([
      {
        type: 'delta',
        added: [
          {
            entity: expect.objectContaining({
              kind: 'Resource',
              metadata: expect.objectContaining({ name: 'team-orion-job-7' }),
            }),
            locationKey: 'ingestion-jobs',
          },
        ],
        removed: [],
      },
      {
        type: 'delta',
        added: [],
        removed: [
          {
            entityRef: 'resource:default/team-orion-job-7',
            locationKey: 'ingestion-jobs',
          },
        ],
      },
    ]);
  });

  it('removes the old entity of a renamed job', async () => {
    serveJobs([jobNumber(1)]);
    const { tasks, mutations, publish } = await connectedProvider();
    await tasks[0].fn(new AbortController().signal);

    await publish({
      action: 'upserted',
      job: { ...jobNumber(1), name: 'renamed' },
    });

    expect(mutations[1]).toEqual({
      type: 'delta',
      added: [
        expect.objectContaining({
          entity: expect.objectContaining({
            metadata: expect.objectContaining({ name: 'team-orion-renamed' }),
          }),
        }),
      ],
      removed: [
        {
          entityRef: 'resource:default/team-orion-job-1',
          locationKey: 'ingestion-jobs',
        },
      ],
    });
  });

  it('re-applies a job created while a full read was in flight, so the stale read does not hide it', async () => {
    const created = jobNumber(9);
    let publishDuringRead: () => Promise<void> = async () => {};
    server.use(
      http.get(JOBS_URL, async () => {
        await publishDuringRead();
        return HttpResponse.json({ items: [jobNumber(1)], totalCount: 1 });
      }),
    );
    const { tasks, mutations, publish } = await connectedProvider();
    publishDuringRead = () => publish({ action: 'upserted', job: created });

    await tasks[0].fn(new AbortController().signal);

    expect(mutations.map(m => [m.type, entityNames(m)])).toEqual([
      ['delta', ['team-orion-job-9']],
      ['full', ['team-orion-job-1']],
      ['delta', ['team-orion-job-9']],
    ]);
  });

  it('ignores and reports a malformed event', async () => {
    const { mutations, logger, publish } = await connectedProvider();

    await publish({ action: 'upserted' } as unknown as IngestionJobEvent);
    await publish({ action: 'deleted', jobId: 'x' } as IngestionJobEvent);

    expect(mutations).toEqual([]);
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(logger.warn).toHaveBeenCalledWith(
      'Ignored a malformed event on ingestion.jobs',
    );
  });
});
