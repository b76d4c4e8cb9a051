import { mockCredentials } from '@backstage/backend-test-utils';
import {
  actionsRegistryServiceFactory,
  actionsServiceFactory,
} from '@backstage/backend-defaults/alpha';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { testJobSpec } from '../__testUtils__/jobSpecs';
import {
  asUser,
  startIngestionTestBackend,
} from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

const LYRA = 'group:default/team-lyra';
const ORION = 'group:default/team-orion';

/** An MCP client of the portal's MCP server, signed in as `user`. */
async function mcpClientAs(server: any, user: string) {
  const { port } = server.address() as AddressInfo;
  const client = new Client({ name: 'ingestion-test-assistant', version: '1' });
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(`http://127.0.0.1:${port}/api/mcp-actions/v1`),
      {
        requestInit: {
          headers: {
            Authorization: `Bearer ${mockCredentials.user.token(user)}`,
          },
        },
      },
    ),
  );
  return client;
}

const structured = (result: any) => JSON.parse(result.content[0].text);

describe('ingestion actions over MCP', () => {
  it('lets an assistant read a tenant’s capacity, check and create a job and run it, as the user and for their tenants only', async () => {
    const { server, stop } = await startIngestionTestBackend({
      features: [
        actionsRegistryServiceFactory,
        actionsServiceFactory,
        mcpActionsPlugin,
      ],
      config: { backend: { actions: { pluginSources: ['ingestion'] } } },
    });
    try {
      await request(server)
        .post(`/api/ingestion/tenants/${encodeURIComponent(LYRA)}/purchases`)
        .set('Authorization', asUser('user:default/lars'))
        .send({ unitType: 'vcpu-hours', quantity: 40, period: 'monthly' })
        .expect(201);
      const lars = await mcpClientAs(server, 'user:default/lars');

      const { tools } = await lars.listTools();
      expect(tools.map(t => t.name).sort()).toEqual([
        'ingestion.create-job',
        'ingestion.get-tenant-capacity',
        'ingestion.get-tenant-trend',
        'ingestion.run-job',
        'ingestion.validate-job',
      ]);

      const capacity = await lars.callTool({
        name: 'ingestion.get-tenant-capacity',
        arguments: { tenant: LYRA },
      });
      expect(capacity.isError).toBeFalsy();
      expect(structured(capacity).capacity.vcpuHours).toMatchObject({
        purchasedHours: 40,
      });

      const job = testJobSpec(LYRA, { name: 'orders-by-assistant' });
      const validation = await lars.callTool({
        name: 'ingestion.validate-job',
        arguments: { job: { ...job, name: 'Not A Valid Name!' } },
      });
      expect(structured(validation).validation).toMatchObject({
        valid: false,
        problems: [expect.objectContaining({ field: 'name' })],
      });
      const created = await lars.callTool({
        name: 'ingestion.create-job',
        arguments: { job },
      });
      expect(created.isError).toBeFalsy();
      const jobId = structured(created).job.id;
      expect(structured(created).job).toMatchObject({
        name: 'orders-by-assistant',
        tenant: LYRA,
        lifecycle: 'draft',
      });
      const run = await lars.callTool({
        name: 'ingestion.run-job',
        arguments: { jobId },
      });
      expect(structured(run).run).toMatchObject({
        jobId,
        state: 'queued',
        trigger: 'manual',
      });
      // The REST API sees what the assistant did, as the same user.
      const runs = await request(server)
        .get(`/api/ingestion/jobs/${jobId}/runs`)
        .set('Authorization', asUser('user:default/lars'));
      expect(runs.body.items).toHaveLength(1);

      // Another tenant's capacity and jobs stay closed to the assistant of a Lyra member.
      const foreign = await lars.callTool({
        name: 'ingestion.get-tenant-capacity',
        arguments: { tenant: ORION },
      });
      expect(foreign.isError).toBe(true);
      expect(JSON.stringify(foreign.content)).toMatch(
        /not a member of tenant group:default\/team-orion/,
      );
      const orla = await mcpClientAs(server, 'user:default/orla');
      const runByOther = await orla.callTool({
        name: 'ingestion.run-job',
        arguments: { jobId },
      });
      expect(runByOther.isError).toBe(true);
      await lars.close();
      await orla.close();
    } finally {
      await stop();
    }
  });
});
