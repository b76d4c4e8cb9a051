import request from 'supertest';
import {
  asUser,
  startIngestionTestBackend,
} from '../../__testUtils__/testBackend';

const ORION = encodeURIComponent('group:default/team-orion');

describe('utilisation and lending API', () => {
  jest.setTimeout(60_000);

  it('shows platform admins used against available per namespace and dedicated tenant, and the lending rule', async () => {
    const { server } = await startIngestionTestBackend();
    await request(server)
      .post(`/api/ingestion/tenants/${ORION}/purchases`)
      .set('Authorization', asUser('user:default/orla'))
      .send({ unitType: 'dedicated-units', quantity: 1, period: 'monthly' })
      .expect(201);

    const res = await request(server)
      .get('/api/ingestion/platform/utilisation')
      .set('Authorization', asUser('user:default/ada'));
    expect(res.status).toBe(200);
    expect(res.body.namespaces.map((n: any) => n.tier).sort()).toEqual([
      'dedicated',
      'draft',
      'vcore-hours',
    ]);
    const dedicated = res.body.namespaces.find(
      (n: any) => n.tier === 'dedicated',
    );
    expect(dedicated.capacity.cores).toBeGreaterThan(0);
    expect(dedicated.used).toEqual({ cores: 0, memoryMiB: 0 });
    expect(res.body.dedicatedTenants).toEqual([
      {
        tenant: 'group:default/team-orion',
        units: 1,
        capacity: { cores: 4, memoryMiB: 16384 },
        used: { cores: 0, memoryMiB: 0 },
      },
    ]);
    expect(res.body.lending).toMatchObject({
      idleThresholdPercent: 20,
      idleMinutes: 5,
      reclaimTargetSeconds: 30,
      idleShare: 1,
      lending: false,
    });

    const events = await request(server)
      .get('/api/ingestion/platform/lending/events?hours=48')
      .set('Authorization', asUser('user:default/ada'));
    expect(events.status).toBe(200);
    expect(events.body.items).toEqual([]);
    expect(
      Date.parse(events.body.to) - Date.parse(events.body.from),
    ).toBeGreaterThanOrEqual(48 * 3_600_000);
  });

  it('refuses tenant members, and a period out of range, naming it', async () => {
    const { server } = await startIngestionTestBackend();
    const member = await request(server)
      .get('/api/ingestion/platform/utilisation')
      .set('Authorization', asUser('user:default/orla'));
    expect(member.status).toBe(403);
    const tooLong = await request(server)
      .get('/api/ingestion/platform/lending/events?hours=3000')
      .set('Authorization', asUser('user:default/ada'));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toMatch(
      /hours must be a whole number from 1 to 2160/,
    );
  });
});
