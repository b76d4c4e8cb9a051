import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { asUser } from '../__testUtils__/testBackend';
import { startApiClientBackend } from '../__testUtils__/apiClientBackend';
import { spec } from '../schema/openapi.generated';
import { testJobSpec } from '../__testUtils__/jobSpecs';

/*
 * Every operation of the OpenAPI document, read at test time, against every kind of caller that must not reach
 * another tenant's data. A new operation is covered the day it is added: it needs a sample request below, or
 * this test fails naming it.
 */

jest.setTimeout(180_000);

const LYRA = 'group:default/team-lyra';
const QUERY_MARK = 'select order_id from lyra_private_orders';

type Role = 'member' | 'tenant-admin' | 'platform-admin';

interface Operation {
  id: string;
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  role: Role;
  open: boolean;
}

function operations(): Operation[] {
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, any>).map(([method, op]) => ({
      id: op.operationId,
      method: method as Operation['method'],
      path,
      role: (op['x-ingestion-role'] as Role | undefined) ?? 'member',
      open: Array.isArray(op.security) && op.security.length === 0,
    })),
  );
}

const lyraJob = (name: string) =>
  testJobSpec(LYRA, {
    name,
    source: { table: undefined, query: QUERY_MARK },
    target: { type: 's3', path: 's3a://lyra-lake/orders', format: 'parquet' },
  });

/** A request each operation is tried with, aimed at Lyra's resources; `query` and `body` as it takes them. */
const SAMPLES: Record<string, { query?: object; body?: object }> = {
  GetHealth: {},
  GetCaller: {},
  GetRegistry: {},
  SetSparkUnits: { body: { sparkUnits: 9 } },
  GetTenantCapacity: {},
  GetBalance: {},
  GetBalanceHistory: { query: { days: '7' } },
  GetLedger: {},
  AdjustBalance: { body: { hours: 1, note: 'isolation matrix' } },
  CreatePurchase: {
    body: { unitType: 'vcpu-hours', quantity: 1, period: 'daily' },
  },
  ListJobs: { query: { tenant: LYRA } },
  CreateJob: { body: lyraJob('matrix-new-job') },
  ValidateJob: { body: lyraJob('matrix-validated') },
  GetJob: {},
  UpdateJob: { body: lyraJob('lyra-private-orders') },
  DeleteJob: {},
  ChangeJobSchedule: { body: { type: 'interval', everyMinutes: 120 } },
  SetJobStatus: { body: { status: 'paused' } },
  GetJobHealth: {},
  PromoteJob: {},
  SendJobBackToDraft: { body: { reason: 'isolation matrix' } },
  ListRuns: {},
  ExecuteJobNow: {},
  GetRun: {},
  CancelRun: {},
  GetSliceHeatmap: { query: { tier: 'draft', hours: '24' } },
  CreateEstimate: {
    body: {
      sourceType: 'postgres',
      targetType: 's3',
      dataVolumeGiB: 1,
      desiredCompletionMinutes: 30,
    },
  },
  GetJobEstimate: {},
  GetCapacityForecast: {},
  GetTenantTrends: {},
  GetTenantTrend: {},
  GetCapacityUsage: { query: { granularity: 'day', days: '7' } },
  GetCapacityUtilisation: {},
  GetLendingEvents: { query: { hours: '24' } },
  ListApiClients: {},
  RegisterApiClient: {
    body: {
      clientId: 'matrix-client',
      tenant: LYRA,
      scopes: ['ingestion.read'],
    },
  },
  RevokeApiClient: {},
  GetJobMetrics: {},
  GetTenantMetrics: {},
  GetNamespaceMetrics: {},
  GetApiDefinition: {},
};

/**
 * Operations whose request names no tenant's resource: any tenant's member may call them, and the answer must
 * still hold nothing of Lyra's (an estimate learns from similar jobs of every tenant, but answers only counts).
 */
// A namespace's metrics count only the caller's own tenants' runs.
const UNSCOPED = ['CreateEstimate', 'GetNamespaceMetrics'];

/** Operations about the service itself, not any tenant's: every authenticated caller may read them. */
const ABOUT_THE_SERVICE = ['GetApiDefinition'];

/** Operations that remove what others need: tried by the right caller last, in this order. */
const LAST = ['CancelRun', 'DeleteJob'];

interface Caller {
  name: string;
  header: string;
  /** Whether this caller is refused by design, or only where the operation needs a role it lacks. */
  refused: (op: Operation) => boolean;
}

const CALLERS: Caller[] = [
  {
    name: "another tenant's member",
    header: asUser('user:default/otto'),
    refused: () => true,
  },
  {
    name: "another tenant's admin",
    header: asUser('user:default/orla'),
    refused: () => true,
  },
  {
    name: 'member without the role',
    header: asUser('user:default/mia'),
    refused: op => op.role !== 'member',
  },
  {
    name: 'unknown service token',
    header: mockCredentials.service.header(),
    refused: () => true,
  },
  // The test backend reads a request without Authorization as a default user; this header means none.
  {
    name: 'no token',
    header: mockCredentials.none.header(),
    refused: () => true,
  },
];

const rightCaller = (op: Operation) =>
  asUser(
    op.role === 'platform-admin' ? 'user:default/ada' : 'user:default/lars',
  );

describe('tenant isolation matrix', () => {
  it('refuses every operation to everyone but the right caller, who succeeds, and leaks no foreign data', async () => {
    // With API clients on, so an Orion client holding every scope is one more caller that must be refused.
    const backend = await startApiClientBackend({
      clients: [
        {
          clientId: 'orion-all-scopes',
          tenant: 'group:default/team-orion',
          scopes: ['ingestion.read', 'ingestion.write'],
        },
      ],
    });
    const { server } = backend;
    CALLERS.push({
      name: "another tenant's API client",
      header: `Bearer ${await backend.tokenOf('orion-all-scopes')}`,
      refused: () => true,
    });
    const lars = asUser('user:default/lars');
    const purchase = await request(server)
      .post(`/api/ingestion/tenants/${encodeURIComponent(LYRA)}/purchases`)
      .set('Authorization', lars)
      .send({ unitType: 'vcpu-hours', quantity: 100, period: 'monthly' })
      .expect(201);
    const job = await request(server)
      .post('/api/ingestion/jobs')
      .set('Authorization', lars)
      .send(lyraJob('lyra-private-orders'))
      .expect(201);
    const run = await request(server)
      .post(`/api/ingestion/jobs/${job.body.id}/runs`)
      .set('Authorization', lars)
      .expect(202);

    const pathValues: Record<string, string> = {
      tenant: encodeURIComponent(LYRA),
      jobId: job.body.id,
      runId: run.body.id,
      tier: 'vcore-hours',
      clientId: 'matrix-client',
    };
    /** What identifies Lyra's data; a refused caller's answer must contain none it did not send itself. */
    const foreignMarks = [
      job.body.id,
      run.body.id,
      purchase.body.id,
      QUERY_MARK,
      's3a://lyra-lake',
    ];

    const ops = operations().filter(op => !op.open);
    expect(ops.filter(op => !SAMPLES[op.id]).map(op => op.id)).toEqual([]);

    const urlOf = (op: Operation) =>
      `/api/ingestion${op.path.replace(
        /\{(\w+)\}/g,
        (_, name) => pathValues[name],
      )}`;
    const send = (op: Operation, header: string) => {
      const url = urlOf(op);
      const { query, body } = SAMPLES[op.id];
      let call = request(server)
        [op.method](url)
        .query(query ?? {});
      call = call.set('Authorization', header);
      return body ? call.send(body) : call;
    };

    const rows: string[][] = [];
    const failures: string[] = [];
    for (const op of ops) {
      const row = [`${op.method.toUpperCase()} ${op.path}`, op.role];
      for (const caller of CALLERS) {
        if (!caller.refused(op)) {
          row.push('n/a (member op)');
          continue;
        }
        const res = await send(op, caller.header);
        const sent = JSON.stringify(SAMPLES[op.id]) + urlOf(op);
        const leaked = foreignMarks.filter(
          mark => res.text.includes(mark) && !sent.includes(mark),
        );
        // A list answered to an outsider may be 200, but then it holds nothing of Lyra's.
        const scoped =
          !UNSCOPED.includes(op.id) &&
          (/\{/.test(op.path) || SAMPLES[op.id].body !== undefined);
        const refusedStatus = [401, 403, 404].includes(res.status);
        const ok =
          leaked.length === 0 &&
          (refusedStatus ||
            (!scoped &&
              res.status === 200 &&
              (caller.name.includes('tenant') ||
                (ABOUT_THE_SERVICE.includes(op.id) &&
                  caller.name !== 'no token'))));
        row.push(
          `${res.status}${leaked.length ? ' LEAK' : ''}${
            res.status === 200 && !leaked.length ? ' (none of theirs)' : ''
          }`,
        );
        if (!ok) {
          failures.push(
            `${op.id} as ${caller.name}: ${res.status} ${res.text.slice(
              0,
              200,
            )}`,
          );
        }
      }
      rows.push(row);
    }

    const ordered = [
      ...ops.filter(op => !LAST.includes(op.id)),
      ...LAST.map(id => ops.find(op => op.id === id)!).filter(Boolean),
    ];
    const rightStatus = new Map<string, number>();
    for (const op of ordered) {
      const res = await send(op, rightCaller(op));
      rightStatus.set(op.id, res.status);
      if (res.status < 200 || res.status > 299) {
        failures.push(
          `${op.id} as the right caller: ${res.status} ${res.text.slice(
            0,
            200,
          )}`,
        );
      }
    }
    rows.forEach((row, i) => row.push(String(rightStatus.get(ops[i].id))));

    const header = [
      'operation',
      'role',
      ...CALLERS.map(c => c.name),
      'right caller',
    ];
    const widths = header.map((h, i) =>
      Math.max(h.length, ...rows.map(r => r[i].length)),
    );
    const line = (cells: string[]) =>
      `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
    process.stdout.write(
      `\nTenant isolation matrix (${ops.length} operations x ${
        CALLERS.length
      } callers, from the OpenAPI document)\n${[
        line(header),
        line(widths.map(w => '-'.repeat(w))),
        ...rows.map(line),
      ].join('\n')}\n\n`,
    );
    await backend.stop();
    expect(failures).toEqual([]);
  });
});
