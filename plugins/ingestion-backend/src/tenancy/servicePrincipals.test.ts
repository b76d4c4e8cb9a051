import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  asUser,
  startIngestionTestBackend,
} from '../__testUtils__/testBackend';
import { buyVcpuHours, testJobSpec } from '../__testUtils__/jobSpecs';

jest.setTimeout(60_000);

const LYRA = 'group:default/team-lyra';
/** The mock service token's subject is external:test-service: an external access token nobody allow-listed. */
const SERVICE = mockCredentials.service.header();

async function backendWithJob(config?: object) {
  const started = await startIngestionTestBackend({ config });
  await buyVcpuHours(started.server, LYRA, 'user:default/lars', 100);
  const job = await request(started.server)
    .post('/api/ingestion/jobs')
    .set('Authorization', asUser('user:default/lars'))
    .send(
      testJobSpec(LYRA, {
        source: { table: undefined, query: 'select * from orders' },
      }),
    )
    .expect(201);
  return { ...started, jobId: job.body.id as string };
}

describe('service principals', () => {
  it('refuses a service token whose subject is not allow-listed, on every endpoint it could read', async () => {
    const { server, jobId } = await backendWithJob();
    for (const path of [
      '/jobs',
      `/jobs/${jobId}`,
      `/jobs/${jobId}/runs`,
      '/registry',
    ]) {
      const res = await request(server)
        .get(`/api/ingestion${path}`)
        .set('Authorization', SERVICE);
      expect(res.status).toBe(403);
      expect(res.text).not.toContain('select * from orders');
      expect(res.body.error.message).toMatch(
        /Service external:test-service may not/,
      );
    }
  });

  it('lets an allow-listed subject do what its scopes say, and nothing more', async () => {
    const { server, jobId } = await backendWithJob({
      ingestion: {
        servicePrincipals: [
          { subject: 'external:test-service', scopes: ['jobs.read'] },
        ],
      },
    });
    const jobs = await request(server)
      .get('/api/ingestion/jobs')
      .set('Authorization', SERVICE);
    expect(jobs.status).toBe(200);
    expect(jobs.body.items.map((j: { id: string }) => j.id)).toEqual([jobId]);
    const registry = await request(server)
      .get('/api/ingestion/registry')
      .set('Authorization', SERVICE);
    expect(registry.status).toBe(403);
    const change = await request(server)
      .put(`/api/ingestion/jobs/${jobId}/status`)
      .set('Authorization', SERVICE)
      .send({ status: 'paused' });
    expect(change.status).toBe(403);
  });
});
