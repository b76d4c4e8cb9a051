import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  asUser,
  startIngestionTestBackend,
} from '../__testUtils__/testBackend';
import { spec } from '../schema/openapi.generated';
import { createRouter } from './router';

describe('ingestion REST API', () => {
  it('answers /health without a token and refuses everything else without one', async () => {
    const { server } = await startIngestionTestBackend();
    await request(server)
      .get('/api/ingestion/health')
      .expect(200, { status: 'ok' });
    const res = await request(server)
      .get('/api/ingestion/whoami')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });

  it('resolves the caller’s tenants from group membership, ignoring non-tenant groups', async () => {
    const { server } = await startIngestionTestBackend();
    const vera = await request(server)
      .get('/api/ingestion/whoami')
      .set('Authorization', asUser('user:default/vera'));
    expect(vera.status).toBe(200);
    expect(vera.body).toEqual({
      principal: 'user:default/vera',
      tenants: ['group:default/team-vega'],
      platformAdmin: false,
    });
    const ada = await request(server)
      .get('/api/ingestion/whoami')
      .set('Authorization', asUser('user:default/ada'));
    expect(ada.body).toEqual({
      principal: 'user:default/ada',
      tenants: [],
      platformAdmin: true,
    });
  });

  it('serves the Spark Unit registry seeded from config, with derived Ingestion Units', async () => {
    const { server } = await startIngestionTestBackend({
      config: {
        ingestion: {
          sparkUnit: { cores: 8, memoryGiB: 32 },
          namespaces: {
            dedicated: { name: 'spark-dedicated', initialSparkUnits: 5 },
          },
        },
      },
    });
    const res = await request(server)
      .get('/api/ingestion/registry')
      .set('Authorization', asUser('user:default/orla'));
    expect(res.status).toBe(200);
    expect(res.body.namespaces[0]).toMatchObject({
      tier: 'dedicated',
      namespace: 'spark-dedicated',
      sparkUnits: 5,
      cores: 40,
      memoryGiB: 160,
    });
    expect(res.body.totalIngestionUnits).toBe(5 + 8 + 2);
  });

  it('refuses paths the OpenAPI document does not describe', async () => {
    const { server } = await startIngestionTestBackend();
    const res = await request(server)
      .get('/api/ingestion/secrets')
      .set('Authorization', asUser('user:default/orla'));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/not found/i);
  });

  it('implements exactly the operations of the OpenAPI document', async () => {
    const router = await createRouter({
      callers: {} as any,
      permissions: {} as any,
      auditor: {} as any,
      capacity: {} as any,
      jobs: {} as any,
      calendar: {} as any,
      estimates: {} as any,
      forecast: {} as any,
      lending: {} as any,
      apiClients: {} as any,
      metrics: {} as any,
    });
    const toTemplate = (path: string) => path.replace(/:(\w+)/g, '{$1}');
    const routed = new Set<string>();
    for (const layer of (router as any).stack) {
      if (!layer.route) continue;
      for (const method of Object.keys(layer.route.methods)) {
        routed.add(`${method.toUpperCase()} ${toTemplate(layer.route.path)}`);
      }
    }
    const documented = new Set<string>();
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const method of Object.keys(item)) {
        documented.add(`${method.toUpperCase()} ${path}`);
      }
    }
    expect([...routed].sort()).toEqual([...documented].sort());
  });
});
