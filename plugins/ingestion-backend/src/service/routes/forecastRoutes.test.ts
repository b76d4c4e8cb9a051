import request from 'supertest';
import {
  asUser,
  startIngestionTestBackend,
} from '../../__testUtils__/testBackend';

const ORION = encodeURIComponent('group:default/team-orion');

/** The quick start's demo switch, with one demo tenant and no demo jobs. */
const demoConfig = {
  ingestion: {
    demo: {
      enabled: true,
      purchases: [
        {
          tenant: 'group:default/team-orion',
          unitType: 'vcpu-hours',
          quantity: 100,
          period: 'monthly',
        },
      ],
    },
  },
};

describe('forecast API', () => {
  jest.setTimeout(60_000);

  it('gives platform admins the namespaces’ forecasts and every tenant’s trend, from the demo history when asked', async () => {
    const { server } = await startIngestionTestBackend({ config: demoConfig });
    const demo = await request(server)
      .get('/api/ingestion/forecast/namespaces?source=demo')
      .set('Authorization', asUser('user:default/ada'));
    expect(demo.status).toBe(200);
    expect(demo.body).toMatchObject({
      source: 'demo',
      demoAvailable: true,
      threshold: 0.8,
    });
    const shared = demo.body.namespaces.find(
      (n: any) => n.tier === 'vcore-hours',
    );
    expect(shared.forecast).toHaveLength(90);
    expect(shared.horizons.map((h: any) => h.days)).toEqual([30, 60, 90]);
    expect(shared.advice.sparkUnitsToBuy).toBeGreaterThanOrEqual(0);

    // Real history: no runs have finished, so nothing to forecast, and the demo history is not mixed in.
    const real = await request(server)
      .get('/api/ingestion/forecast/namespaces')
      .set('Authorization', asUser('user:default/ada'));
    expect(real.body.source).toBe('runs');
    expect(real.body.namespaces.every((n: any) => n.history.length === 0)).toBe(
      true,
    );

    const tenants = await request(server)
      .get('/api/ingestion/forecast/tenants?source=demo')
      .set('Authorization', asUser('user:default/ada'));
    expect(tenants.body.tenants.map((t: any) => t.tenant)).toEqual([
      'group:default/team-orion',
    ]);

    const usage = await request(server)
      .get('/api/ingestion/forecast/usage?source=demo&granularity=day&days=7')
      .set('Authorization', asUser('user:default/ada'));
    expect(usage.status).toBe(200);
    // Seven days back; the demo history ends yesterday, in all three namespaces.
    const tiers = new Set(usage.body.buckets.map((b: any) => b.tier));
    expect(tiers).toEqual(new Set(['dedicated', 'vcore-hours', 'draft']));
    expect(usage.body.buckets.length).toBeGreaterThanOrEqual(6 * 3);
    expect(usage.body.buckets.length).toBeLessThanOrEqual(7 * 3);
  });

  it('refuses forecasts to tenant members but gives them their own tenant’s trend, and no other', async () => {
    const { server } = await startIngestionTestBackend({ config: demoConfig });
    for (const path of [
      '/forecast/namespaces',
      '/forecast/tenants',
      '/forecast/usage',
    ]) {
      const res = await request(server)
        .get(`/api/ingestion${path}`)
        .set('Authorization', asUser('user:default/orla'));
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/platform admins/);
    }
    const own = await request(server)
      .get(`/api/ingestion/tenants/${ORION}/trend?source=demo`)
      .set('Authorization', asUser('user:default/orla'));
    expect(own.status).toBe(200);
    expect(own.body.tenant).toBe('group:default/team-orion');
    expect(own.body.last30DaysCoreHours).toBeGreaterThan(0);
    const other = await request(server)
      .get(`/api/ingestion/tenants/${ORION}/trend`)
      .set('Authorization', asUser('user:default/lars'));
    expect(other.status).toBe(403);
  });

  it('names what is wrong with bad parameters', async () => {
    const { server } = await startIngestionTestBackend();
    const badSource = await request(server)
      .get('/api/ingestion/forecast/namespaces?source=guess')
      .set('Authorization', asUser('user:default/ada'));
    expect(badSource.status).toBe(400);
    expect(badSource.body.error.message).toMatch(/source/);
    const badDays = await request(server)
      .get('/api/ingestion/forecast/usage?days=365')
      .set('Authorization', asUser('user:default/ada'));
    expect(badDays.status).toBe(400);
    expect(badDays.body.error.message).toMatch(/days must be from 1 to 90/);
  });
});
