import request from 'supertest';
import { asUser } from './testBackend';

/**
 * A valid job specification of `tenant` (PostgreSQL into S3, small runs, hourly), with parts replaced per test.
 */
export function testJobSpec(
  tenant: string,
  overrides: {
    name?: string;
    source?: Record<string, unknown>;
    target?: Record<string, unknown>;
  } = {},
) {
  return {
    name: overrides.name ?? 'orders-to-lake',
    tenant,
    source: {
      type: 'postgres',
      host: 'db.internal',
      port: 5432,
      database: 'shop',
      table: 'public.orders',
      credentialsSecret: 'shop-db',
      ...overrides.source,
    },
    target: overrides.target ?? {
      type: 's3',
      path: 's3a://lake/orders',
      format: 'parquet',
    },
    schedule: { type: 'interval', everyMinutes: 60 },
    estimates: {
      dataVolumeGiB: 1,
      expectedDurationMinutes: 5,
      slaMinutes: 30,
    },
    resources: {
      executorInstances: 1,
      executorCores: 1,
      executorMemoryGiB: 1,
      driverCores: 1,
      driverMemoryGiB: 1,
    },
  };
}

/** Buys vCPU-hours for `tenant` as `user` (one of its admins) through the API. */
export async function buyVcpuHours(
  server: Parameters<typeof request>[0],
  tenant: string,
  user: string,
  quantity: number,
) {
  await request(server)
    .post(`/api/ingestion/tenants/${encodeURIComponent(tenant)}/purchases`)
    .set('Authorization', asUser(user))
    .send({ unitType: 'vcpu-hours', quantity, period: 'monthly' })
    .expect(201);
}
