import request from 'supertest';
import {
  asUser,
  startIngestionTestBackend,
} from '../../__testUtils__/testBackend';
import { testJobSpec } from '../../__testUtils__/jobSpecs';

jest.setTimeout(60_000);

const LYRA = 'group:default/team-lyra';
const LARS = asUser('user:default/lars');
const MIA = asUser('user:default/mia');
const purchases = `/api/ingestion/tenants/${encodeURIComponent(
  LYRA,
)}/purchases`;

const job = testJobSpec(LYRA);

describe('repeated requests', () => {
  it('answers a double-submitted purchase with the first one instead of buying twice', async () => {
    const { server } = await startIngestionTestBackend();
    const order = { unitType: 'vcpu-hours', quantity: 30, period: 'monthly' };
    const first = await request(server)
      .post(purchases)
      .set('Authorization', LARS)
      .set('Idempotency-Key', 'purchase-7f3a')
      .send(order);
    const retry = await request(server)
      .post(purchases)
      .set('Authorization', LARS)
      .set('Idempotency-Key', 'purchase-7f3a')
      .send(order);
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);

    const different = await request(server)
      .post(purchases)
      .set('Authorization', LARS)
      .set('Idempotency-Key', 'purchase-7f3a')
      .send({ ...order, quantity: 300 });
    expect(different.status).toBe(422);
    expect(different.body.error.message).toMatch(/use a new key/);

    const ledger = await request(server)
      .get(`/api/ingestion/tenants/${encodeURIComponent(LYRA)}/ledger`)
      .set('Authorization', LARS);
    expect(ledger.body.entries).toHaveLength(1);
  });

  it('queues one run per Idempotency-Key, and at most the tenant’s limit of manual runs', async () => {
    const { server } = await startIngestionTestBackend({
      config: { ingestion: { maxQueuedManualRunsPerTenant: 3 } },
    });
    await request(server)
      .post(purchases)
      .set('Authorization', LARS)
      .send({ unitType: 'vcpu-hours', quantity: 100, period: 'monthly' })
      .expect(201);
    const created = await request(server)
      .post('/api/ingestion/jobs')
      .set('Authorization', LARS)
      .send(job)
      .expect(201);
    const runNow = (who: string, key?: string) => {
      const call = request(server)
        .post(`/api/ingestion/jobs/${created.body.id}/runs`)
        .set('Authorization', who);
      return key ? call.set('Idempotency-Key', key) : call;
    };

    const first = await runNow(MIA, 'run-1');
    const again = await runNow(MIA, 'run-1');
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');

    expect((await runNow(MIA)).status).toBe(202);
    expect((await runNow(LARS)).status).toBe(202);
    const beyond = await runNow(MIA);
    expect(beyond.status).toBe(429);
    expect(beyond.body.error.message).toMatch(
      /already has 3 manual runs waiting to start/,
    );
    const runs = await request(server)
      .get(`/api/ingestion/jobs/${created.body.id}/runs`)
      .set('Authorization', LARS);
    expect(runs.body.totalCount).toBe(3);
  });
});
