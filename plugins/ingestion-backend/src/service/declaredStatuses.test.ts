import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  asUser,
  startIngestionTestBackend,
} from '../__testUtils__/testBackend';
import { spec } from '../schema/openapi.generated';
import { testJobSpec } from '../__testUtils__/jobSpecs';

jest.setTimeout(60_000);

const ORION = 'group:default/team-orion';

/** Responses an operation declares, by status. */
const declared = (item: any) => Object.keys(item.responses ?? {});

describe('statuses the handlers answer are the ones the OpenAPI document declares', () => {
  it('declares 400 everywhere (the validator refuses undocumented parameters) and 401/403 on every authenticated operation', () => {
    const missing: string[] = [];
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(methods as object)) {
        const open = (operation as any).security?.length === 0;
        for (const status of open ? ['400'] : ['400', '401', '403']) {
          if (!declared(operation).includes(status)) {
            missing.push(`${method.toUpperCase()} ${path} ${status}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('answers the refusals the fuzzer turned into 500s with their own status and reason', async () => {
    const { server } = await startIngestionTestBackend();
    const badPage = await request(server)
      .get('/api/ingestion/jobs?limit=0')
      .set('Authorization', asUser('user:default/orla'));
    expect(badPage.status).toBe(400);
    expect(badPage.body.error.message).toMatch(/limit must be from 1 to 500/);

    const foreignValidation = await request(server)
      .post('/api/ingestion/jobs/validate')
      .set('Authorization', asUser('user:default/lars'))
      .send(testJobSpec(ORION, { name: 'probe' }));

    expect(foreignValidation.status).toBe(404);

    const serviceOnUserEndpoint = await request(server)
      .post('/api/ingestion/jobs')
      .set('Authorization', mockCredentials.service.header())
      .send({});
    expect([400, 403]).toContain(serviceOnUserEndpoint.status);
    const serviceWhoami = await request(server)
      .get('/api/ingestion/whoami')
      .set('Authorization', mockCredentials.service.header());
    expect(serviceWhoami.status).toBe(403);
  });
});
