import request from 'supertest';
import {
  asUser,
  startIngestionTestBackend,
} from '../../__testUtils__/testBackend';

const LYRA = encodeURIComponent('group:default/team-lyra');
const ORION = encodeURIComponent('group:default/team-orion');

describe('capacity API', () => {
  it('lets a tenant member buy vCPU-hours and see the balance', async () => {
    const { server, sent } = await startIngestionTestBackend();
    const bought = await request(server)
      .post(`/api/ingestion/tenants/${LYRA}/purchases`)
      .set('Authorization', asUser('user:default/lars'))
      .send({ unitType: 'vcpu-hours', quantity: 250, period: 'monthly' });
    expect(bought.status).toBe(201);
    expect(bought.body).toMatchObject({
      tenant: 'group:default/team-lyra',
      quantity: 250,
      purchasedBy: 'user:default/lars',
    });

    const balance = await request(server)
      .get(`/api/ingestion/tenants/${LYRA}/balance`)
      .set('Authorization', asUser('user:default/lars'));
    expect(balance.body).toMatchObject({
      purchasedHours: 250,
      remainingHours: 250,
      consumptionRatePerHour: 0,
    });
    expect(balance.body.estimatedDepletionAt).toBeUndefined();

    const history = await request(server)
      .get(`/api/ingestion/tenants/${LYRA}/balance/history?days=7`)
      .set('Authorization', asUser('user:default/lars'));
    expect(history.body.points.at(-1)).toMatchObject({ remainingHours: 250 });
    expect(sent.signals.map(s => s.message)).toContainEqual({
      kind: 'balance',
      tenant: 'group:default/team-lyra',
    });
  });

  it('names the wrong field and records nothing', async () => {
    const { server } = await startIngestionTestBackend();
    const cases: Array<[object, RegExp]> = [
      [
        { unitType: 'vcpu-hours', quantity: -1, period: 'monthly' },
        /quantity must be a number greater than 0/,
      ],
      [{ unitType: 'vcpu-hours', quantity: 10, period: 'weekly' }, /period/],
      [{ unitType: 'cpu', quantity: 10, period: 'daily' }, /unitType/],
      [
        {
          unitType: 'vcpu-hours',
          quantity: 10,
          period: 'daily',
          colour: 'red',
        },
        /colour/,
      ],
      [{ unitType: 'vcpu-hours', period: 'daily' }, /quantity/],
    ];
    for (const [body, message] of cases) {
      const res = await request(server)
        .post(`/api/ingestion/tenants/${LYRA}/purchases`)
        .set('Authorization', asUser('user:default/lars'))
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
    const ledger = await request(server)
      .get(`/api/ingestion/tenants/${LYRA}/ledger`)
      .set('Authorization', asUser('user:default/lars'));
    expect(ledger.body.entries).toEqual([]);
  });

  it('keeps each tenant’s wallet to its members (and platform admins)', async () => {
    const { server } = await startIngestionTestBackend();
    for (const path of ['capacity', 'balance', 'balance/history', 'ledger']) {
      const res = await request(server)
        .get(`/api/ingestion/tenants/${ORION}/${path}`)
        .set('Authorization', asUser('user:default/lars'));
      expect(res.status).toBe(403);
    }
    const buyForOthers = await request(server)
      .post(`/api/ingestion/tenants/${ORION}/purchases`)
      .set('Authorization', asUser('user:default/lars'))
      .send({ unitType: 'dedicated-units', quantity: 1, period: 'daily' });
    expect(buyForOthers.status).toBe(403);
    const admin = await request(server)
      .get(`/api/ingestion/tenants/${ORION}/capacity`)
      .set('Authorization', asUser('user:default/ada'));
    expect(admin.status).toBe(200);
  });

  it('refuses a dedicated purchase beyond the dedicated namespace with 409 and the numbers', async () => {
    const { server } = await startIngestionTestBackend();
    const res = await request(server)
      .post(`/api/ingestion/tenants/${ORION}/purchases`)
      .set('Authorization', asUser('user:default/orla'))
      .send({ unitType: 'dedicated-units', quantity: 9, period: 'daily' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(
      /Only 8 Dedicated Ingestion Units are free/,
    );
  });

  it('lets only platform admins adjust a balance, with a note', async () => {
    const { server } = await startIngestionTestBackend();
    const denied = await request(server)
      .post(`/api/ingestion/tenants/${LYRA}/adjustments`)
      .set('Authorization', asUser('user:default/lars'))
      .send({ hours: 100, note: 'gift to myself' });
    expect(denied.status).toBe(403);
    const noNote = await request(server)
      .post(`/api/ingestion/tenants/${LYRA}/adjustments`)
      .set('Authorization', asUser('user:default/ada'))
      .send({ hours: 100, note: ' ' });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.message).toMatch(/note must say why/);
    await request(server)
      .post(`/api/ingestion/tenants/${LYRA}/adjustments`)
      .set('Authorization', asUser('user:default/ada'))
      .send({ hours: 12.5, note: 'compensation for outage' })
      .expect(204);
    const ledger = await request(server)
      .get(`/api/ingestion/tenants/${LYRA}/ledger`)
      .set('Authorization', asUser('user:default/lars'));
    expect(ledger.body.entries).toEqual([
      expect.objectContaining({
        kind: 'adjustment',
        quantity: 12.5,
        recordedBy: 'user:default/ada',
        note: 'compensation for outage',
      }),
    ]);
  });

  it('lets only platform admins change the Spark Unit registry, and pushes the change to open pages', async () => {
    const { server, sent } = await startIngestionTestBackend();
    const denied = await request(server)
      .put('/api/ingestion/registry/vcore-hours')
      .set('Authorization', asUser('user:default/orla'))
      .send({ sparkUnits: 12 });
    expect(denied.status).toBe(403);
    const bad = await request(server)
      .put('/api/ingestion/registry/vcore-hours')
      .set('Authorization', asUser('user:default/ada'))
      .send({ sparkUnits: -3 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/sparkUnits/);
    const changed = await request(server)
      .put('/api/ingestion/registry/vcore-hours')
      .set('Authorization', asUser('user:default/ada'))
      .send({ sparkUnits: 12 });
    expect(changed.status).toBe(200);
    expect(changed.body.totalIngestionUnits).toBe(8 + 12 + 2);
    const read = await request(server)
      .get('/api/ingestion/registry')
      .set('Authorization', asUser('user:default/orla'));
    expect(read.body.namespaces[1]).toMatchObject({
      tier: 'vcore-hours',
      sparkUnits: 12,
      updatedBy: 'user:default/ada',
    });
    expect(sent.signals).toContainEqual(
      expect.objectContaining({
        channel: 'ingestion:capacity',
        message: { kind: 'registry' },
      }),
    );
  });

  it('refuses a purchase starting in year 9999 before writing, and the wallet stays readable', async () => {
    const { server } = await startIngestionTestBackend();
    const far = await request(server)
      .post(`/api/ingestion/tenants/${LYRA}/purchases`)
      .set('Authorization', asUser('user:default/lars'))
      .send({
        unitType: 'vcpu-hours',
        quantity: 10,
        period: 'yearly',
        validFrom: '9999-12-01T00:00:00Z',
      });
    expect(far.status).toBe(400);
    expect(far.body.error.message).toMatch(/validFrom must be at most/);
    for (const path of ['capacity', 'balance', 'ledger']) {
      const res = await request(server)
        .get(`/api/ingestion/tenants/${LYRA}/${path}`)
        .set('Authorization', asUser('user:default/lars'));
      expect(res.status).toBe(200);
    }
    const ledger = await request(server)
      .get(`/api/ingestion/tenants/${LYRA}/ledger`)
      .set('Authorization', asUser('user:default/lars'));
    expect(ledger.body.entries).toEqual([]);
  });

  it('pushes a balance change only to the tenant and the platform admins, never to everyone', async () => {
    const { server, sent } = await startIngestionTestBackend();
    await request(server)
      .post(`/api/ingestion/tenants/${LYRA}/purchases`)
      .set('Authorization', asUser('user:default/lars'))
      .send({ unitType: 'vcpu-hours', quantity: 5, period: 'daily' })
      .expect(201);
    const balanceSignals = sent.signals.filter(
      s => (s.message as { kind: string }).kind === 'balance',
    );
    expect(balanceSignals.length).toBeGreaterThan(0);
    for (const signal of balanceSignals) {
      expect(signal.recipients).toEqual({
        type: 'user',
        entityRef: ['group:default/team-lyra', 'group:default/platform-admins'],
      });
    }
  });

  it('lets only the tenant’s admins buy: a member without the role is refused and nothing is bought', async () => {
    const { server } = await startIngestionTestBackend();
    const refused = await request(server)
      .post(`/api/ingestion/tenants/${LYRA}/purchases`)
      .set('Authorization', asUser('user:default/mia'))
      .send({ unitType: 'vcpu-hours', quantity: 5, period: 'daily' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(
      /Only tenant admins of group:default\/team-lyra may buy/,
    );
    const ledger = await request(server)
      .get(`/api/ingestion/tenants/${LYRA}/ledger`)
      .set('Authorization', asUser('user:default/mia'));
    expect(ledger.status).toBe(200);
    expect(ledger.body.entries).toEqual([]);
  });
});
