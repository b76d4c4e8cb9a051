import { ResponseError } from '@backstage/errors';
import { IngestionClient } from './IngestionClient';

function recordingClient(response: { status: number; body: unknown }) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const client = new IngestionClient({
    discoveryApi: {
      getBaseUrl: async pluginId => `http://backend/api/${pluginId}`,
    },
    fetchApi: {
      fetch: (async (url: string, init?: RequestInit) => {
        calls.push({ url, init });
        return new Response(JSON.stringify(response.body), {
          status: response.status,
          headers: { 'Content-Type': 'application/json' },
        });
      }) as typeof fetch,
    },
  });
  return { client, calls };
}

describe('IngestionClient jobs', () => {
  it('lists jobs with only the filters and paging that are set', async () => {
    const { client, calls } = recordingClient({
      status: 200,
      body: { items: [], totalCount: 0 },
    });

    await client.listJobs({ tenant: 'group:default/team-orion', limit: 100 });
    await client.listJobs();

    expect(calls.map(c => c.url)).toEqual([
      'http://backend/api/ingestion/jobs?tenant=group%3Adefault%2Fteam-orion&limit=100',
      'http://backend/api/ingestion/jobs',
    ]);
  });

  it('posts a job to create and to validate it', async () => {
    const { client, calls } = recordingClient({
      status: 200,
      body: { valid: true, problems: [] },
    });
    const spec = {
      name: 'orders',
      tenant: 'group:default/team-orion',
      source: {
        type: 's3' as const,
        bucket: 'raw',
        prefix: 'orders/',
        format: 'csv' as const,
      },
      target: {
        type: 's3' as const,
        path: 's3a://lake/orders',
        format: 'parquet' as const,
      },
      schedule: { type: 'interval' as const, everyMinutes: 60 },
      estimates: {
        dataVolumeGiB: 1,
        expectedDurationMinutes: 10,
        slaMinutes: 30,
      },
    };

    await expect(client.validateJob(spec)).resolves.toEqual({
      valid: true,
      problems: [],
    });
    await client.createJob(spec);

    expect(calls.map(c => [c.url, c.init?.method])).toEqual([
      ['http://backend/api/ingestion/jobs/validate', 'POST'],
      ['http://backend/api/ingestion/jobs', 'POST'],
    ]);
    expect(JSON.parse(String(calls[1].init?.body))).toEqual(spec);
  });

  it('throws the server error of a refused job', async () => {
    const { client } = recordingClient({
      status: 409,
      body: {
        error: { name: 'AdmissionRefusedError', message: 'no room' },
        request: { method: 'POST', url: '/jobs' },
        response: { statusCode: 409 },
      },
    });

    const refusal = client.getJob('a/b');
    await expect(refusal).rejects.toBeInstanceOf(ResponseError);
    await expect(refusal).rejects.toMatchObject({
      statusCode: 409,
      body: { error: { message: 'no room' } },
    });
  });
});

describe('IngestionClient runs', () => {
  it('pages runs, runs a job now, cancels a run and pauses a job at their paths', async () => {
    const { client, calls } = recordingClient({
      status: 200,
      body: { items: [], totalCount: 0 },
    });

    await client.listRuns('job-1', { limit: 20, offset: 40 });
    await client.listRuns('job-1');
    await client.executeNow('job-1');
    await client.cancelRun('job-1', 'run/7');
    await client.setJobStatus('job-1', 'paused');

    expect(calls.map(c => [c.init?.method, c.url])).toEqual([
      [
        'GET',
        'http://backend/api/ingestion/jobs/job-1/runs?limit=20&offset=40',
      ],
      ['GET', 'http://backend/api/ingestion/jobs/job-1/runs'],
      ['POST', 'http://backend/api/ingestion/jobs/job-1/runs'],
      ['POST', 'http://backend/api/ingestion/jobs/job-1/runs/run%2F7/cancel'],
      ['PUT', 'http://backend/api/ingestion/jobs/job-1/status'],
    ]);
    expect(calls[2].init?.body).toBeUndefined();
    expect(JSON.parse(String(calls[4].init?.body))).toEqual({
      status: 'paused',
    });
  });

  it('throws the 402 of a run refused for a used-up balance, with the server message', async () => {
    const { client } = recordingClient({
      status: 402,
      body: {
        error: { name: 'InsufficientBalanceError', message: 'balance used up' },
        request: { method: 'POST', url: '/jobs/job-1/runs' },
        response: { statusCode: 402 },
      },
    });

    await expect(client.executeNow('job-1')).rejects.toMatchObject({
      statusCode: 402,
      body: { error: { message: 'balance used up' } },
    });
  });
});

describe('IngestionClient slice heatmap', () => {
  it('asks for one tier over some hours and returns the slices', async () => {
    const slice = {
      sliceStart: '2026-11-27T10:00:00.000Z',
      committedCores: 4,
      committedMemoryMiB: 8192,
      capacityCores: 32,
      capacityMemoryMiB: 131072,
      utilisation: 0.125,
      jobs: [],
    };
    const { client, calls } = recordingClient({
      status: 200,
      body: { slices: [slice] },
    });

    await expect(client.getHeatmap('vcore-hours')).resolves.toEqual([slice]);
    await client.getHeatmap('draft', 6);

    expect(calls.map(c => c.url)).toEqual([
      'http://backend/api/ingestion/scheduler/heatmap?tier=vcore-hours&hours=24',
      'http://backend/api/ingestion/scheduler/heatmap?tier=draft&hours=6',
    ]);
  });
});
