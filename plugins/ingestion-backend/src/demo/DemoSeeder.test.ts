import request from 'supertest';
import {
  asUser,
  startIngestionTestBackend,
} from '../__testUtils__/testBackend';

// Starting a backend and seeding it takes more than Jest's 5 s default on a busy 2-core machine.
jest.setTimeout(30_000);

const demoConfig = {
  ingestion: {
    allowLocalTargets: true,
    localTargetRoot: '/srv/demo-lake',
    demo: {
      enabled: true,
      purchases: [
        {
          tenant: 'group:default/team-orion',
          unitType: 'vcpu-hours',
          quantity: 200,
          period: 'monthly',
        },
      ],
      jobs: [
        {
          name: 'demo-orders',
          tenant: 'group:default/team-orion',
          source: {
            type: 'postgres',
            host: '127.0.0.1',
            port: 55432,
            database: 'ingest_demo',
            table: 'public.orders',
            credentialsSecret: 'demo-postgres',
          },
          target: {
            type: 'local',
            path: 'orders',
            format: 'parquet',
          },
          schedule: { type: 'interval', everyMinutes: 60 },
          estimates: {
            dataVolumeGiB: 0.01,
            expectedDurationMinutes: 2,
            slaMinutes: 10,
          },
        },
      ],
    },
  },
};

describe('quick-start demo', () => {
  it('buys capacity, creates the demo jobs in the tenant’s own local folder, and queues a first run', async () => {
    const { server } = await startIngestionTestBackend({ config: demoConfig });
    const orla = asUser('user:default/orla');
    const jobs = await request(server)
      .get('/api/ingestion/jobs')
      .set('Authorization', orla);
    expect(jobs.body.items).toHaveLength(1);
    const job = jobs.body.items[0];
    expect(job).toMatchObject({
      name: 'demo-orders',
      pool: 'vcore-hours',
      createdBy: 'ingestion:demo-seed',
    });
    expect(job.target.path).toBe('/srv/demo-lake/default/team-orion/orders');
    const runs = await request(server)
      .get(`/api/ingestion/jobs/${job.id}/runs`)
      .set('Authorization', orla);
    expect(runs.body.items.map((r: any) => r.trigger)).toEqual(['manual']);
    const balance = await request(server)
      .get(
        `/api/ingestion/tenants/${encodeURIComponent(
          'group:default/team-orion',
        )}/balance`,
      )
      .set('Authorization', orla);
    expect(balance.body.purchasedHours).toBe(200);
  });

  it('does nothing when the demo is off', async () => {
    const { server } = await startIngestionTestBackend();
    const jobs = await request(server)
      .get('/api/ingestion/jobs')
      .set('Authorization', asUser('user:default/orla'));
    expect(jobs.body.totalCount).toBe(0);
  });
});
