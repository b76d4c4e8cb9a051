import request from 'supertest';
import { decodeJwt } from 'jose';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  API_AUDIENCE,
  OTHER_AUDIENCE,
  oauthClient,
  startApiClientBackend,
} from '../__testUtils__/apiClientBackend';
import { TestAuthorizationServer } from '../__testUtils__/authorizationServer';
import { buyVcpuHours, testJobSpec } from '../__testUtils__/jobSpecs';
import {
  asUser,
  startIngestionTestBackend,
} from '../__testUtils__/testBackend';
import { ApiClientTokenVerifier } from '../tenancy/apiClients/ApiClientTokenVerifier';

/*
 * Other systems' OAuth 2.0 client-credentials tokens, fetched from a real authorization server (oidc-provider)
 * and sent to the API, one row per way a token can be right or wrong.
 */

jest.setTimeout(120_000);

const LYRA = 'group:default/team-lyra';
const ORION = 'group:default/team-orion';

describe('API clients with client-credentials tokens', () => {
  let backend: Awaited<ReturnType<typeof startApiClientBackend>>;
  let rogue: TestAuthorizationServer;
  let lyraJobId: string;

  beforeAll(async () => {
    backend = await startApiClientBackend({
      clients: [
        {
          clientId: 'lyra-etl',
          tenant: LYRA,
          scopes: ['ingestion.read', 'ingestion.write'],
        },
        {
          clientId: 'lyra-reporting',
          tenant: LYRA,
          scopes: ['ingestion.read'],
        },
        {
          clientId: 'orion-etl',
          tenant: ORION,
          scopes: ['ingestion.read', 'ingestion.write'],
        },
        {
          clientId: 'lyra-retired',
          tenant: LYRA,
          scopes: ['ingestion.read'],
          revoked: true,
        },
      ],
      unregistered: ['stranger'],
    });
    // Another authorization server, which knows a client of the same id: its tokens are not ours.
    rogue = await TestAuthorizationServer.start({
      clients: [oauthClient('lyra-etl')],
      audiences: [API_AUDIENCE],
      scopes: ['ingestion.read', 'ingestion.write'],
    });
    await buyVcpuHours(backend.server, LYRA, 'user:default/lars', 100);
    const job = await request(backend.server)
      .post('/api/ingestion/jobs')
      .set('Authorization', asUser('user:default/lars'))
      .send(testJobSpec(LYRA, { name: 'lyra-orders' }))
      .expect(201);
    lyraJobId = job.body.id;
  });

  afterAll(async () => {
    await backend?.stop();
    await rogue?.stop();
  });

  const bearer = (token: string) => `Bearer ${token}`;

  it('lets a registered client in for its tenant and scopes only, and refuses every bad token', async () => {
    const { server, tokenOf } = backend;
    const getLyraJob = (token: string) =>
      request(server)
        .get(`/api/ingestion/jobs/${lyraJobId}`)
        .set('Authorization', bearer(token));
    const createLyraJob = (token: string, name: string) =>
      request(server)
        .post('/api/ingestion/jobs')
        .set('Authorization', bearer(token))
        .send(testJobSpec(LYRA, { name }));

    const lyraEtl = await tokenOf('lyra-etl');
    const cases: Array<{
      flow: string;
      call: () => Promise<request.Response>;
      status: number;
      message?: RegExp;
    }> = [
      {
        flow: 'accepted: read its tenant’s job',
        call: () => getLyraJob(lyraEtl),
        status: 200,
      },
      {
        flow: 'accepted: create a job in its tenant',
        call: () => createLyraJob(lyraEtl, 'made-by-client'),
        status: 201,
      },
      {
        flow: 'accepted: whoami',
        call: () =>
          request(server)
            .get('/api/ingestion/whoami')
            .set('Authorization', bearer(lyraEtl)),
        status: 200,
      },
      {
        flow: 'wrong audience',
        call: async () =>
          getLyraJob(await tokenOf('lyra-etl', { resource: OTHER_AUDIENCE })),
        status: 401,
        message: /"aud" claim/,
      },
      {
        flow: 'wrong issuer (another server, same client id)',
        message: /issued by http:\/\/127\.0\.0\.1:\d+, not by the configured/,
        call: async () =>
          getLyraJob(
            await rogue.token(oauthClient('lyra-etl'), {
              resource: API_AUDIENCE,
              scope: 'ingestion.read',
            }),
          ),
        status: 401,
      },
      {
        flow: 'another tenant’s client reads the job',
        call: async () => getLyraJob(await tokenOf('orion-etl')),
        status: 404,
      },
      {
        flow: 'another tenant’s client creates in it',
        call: async () =>
          createLyraJob(await tokenOf('orion-etl'), 'orion-sneaks-in'),
        status: 404,
        message: /No tenant group:default\/team-lyra of yours/,
      },
      {
        flow: 'missing scope (granted read only)',
        call: async () =>
          createLyraJob(
            await tokenOf('lyra-reporting', { scope: 'ingestion.read' }),
            'no-write',
          ),
        status: 403,
        message: /lacks scope ingestion.write, which CreateJob needs/,
      },
      {
        flow: 'missing scope (token asked for read only)',
        call: async () =>
          createLyraJob(
            await tokenOf('lyra-etl', { scope: 'ingestion.read' }),
            'narrow-token',
          ),
        status: 403,
        message: /lacks scope ingestion.write/,
      },
      {
        flow: 'operation closed to clients',
        call: async () =>
          request(server)
            .get('/api/ingestion/forecast/namespaces')
            .set('Authorization', bearer(lyraEtl)),
        status: 403,
        message: /GetCapacityForecast is not open to API clients/,
      },
      {
        flow: 'revoked client',
        call: async () =>
          getLyraJob(
            await tokenOf('lyra-retired', { scope: 'ingestion.read' }),
          ),
        status: 401,
        message: /API client lyra-retired was revoked/,
      },
      {
        flow: 'client nobody registered',
        call: async () => getLyraJob(await tokenOf('stranger')),
        status: 403,
        message: /API client stranger is not registered/,
      },
      {
        flow: 'portal user alongside clients',
        call: () =>
          request(server)
            .get(`/api/ingestion/jobs/${lyraJobId}`)
            .set('Authorization', asUser('user:default/lars')),
        status: 200,
      },
      {
        flow: 'no token at all',
        call: () =>
          request(server)
            .get(`/api/ingestion/jobs/${lyraJobId}`)
            .set('Authorization', mockCredentials.none.header()),
        status: 401,
      },
    ];

    const rows: string[][] = [];
    const failures: string[] = [];
    for (const c of cases) {
      const res = await c.call();
      const message: string = res.body?.error?.message ?? '';
      rows.push([
        c.flow,
        String(c.status),
        String(res.status),
        message.slice(0, 90),
      ]);
      if (res.status !== c.status || (c.message && !c.message.test(message))) {
        failures.push(`${c.flow}: ${res.status} ${res.text.slice(0, 300)}`);
      }
      if (res.status >= 400 && res.text.includes('s3a://lake/orders')) {
        failures.push(`${c.flow}: the refusal shows Lyra's job`);
      }
    }

    // Expiry needs time to pass: the verifier runs on a clock one second past the token's own exp.
    const { exp } = decodeJwt(lyraEtl);
    const later = new ApiClientTokenVerifier(
      {
        issuer: backend.authorizationServer.issuer,
        audience: API_AUDIENCE,
        jwksUrl: backend.authorizationServer.jwksUrl,
      },
      () => (exp! + 1) * 1000,
    );
    const expired = await later.verify(lyraEtl).then(
      () => 'accepted',
      (e: Error & { name: string }) => `${e.name}: ${e.message}`,
    );
    rows.push([
      'expired (clock at exp + 1 s, verifier)',
      'AuthenticationError',
      expired.split(':')[0],
      expired.slice(0, 90),
    ]);
    if (
      !/AuthenticationError: .*"exp" claim timestamp check failed/.test(expired)
    )
      failures.push(`expired: ${expired}`);

    const header = ['token flow', 'expected', 'got', 'message'];
    const widths = header.map((h, i) =>
      Math.max(h.length, ...rows.map(r => r[i].length)),
    );
    const line = (cells: string[]) =>
      `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
    process.stdout.write(
      `\nClient-credentials tokens from a real authorization server (oidc-provider)\n${[
        line(header),
        line(widths.map(w => '-'.repeat(w))),
        ...rows.map(line),
      ].join('\n')}\n\n`,
    );
    expect(failures).toEqual([]);
  });

  it('shows a client only its own tenant’s jobs in lists', async () => {
    const orion = await backend.tokenOf('orion-etl');
    const list = await request(backend.server)
      .get('/api/ingestion/jobs')
      .set('Authorization', bearer(orion))
      .expect(200);
    expect(
      list.body.items.map((j: { tenant: string }) => j.tenant),
    ).not.toContain(LYRA);
    const asked = await request(backend.server)
      .get('/api/ingestion/jobs')
      .query({ tenant: LYRA })
      .set('Authorization', bearer(orion))
      .expect(200);
    expect(asked.body.items).toEqual([]);
  });

  it('lets only platform admins register and revoke clients, with clear errors for bad input', async () => {
    const { server } = backend;
    const ada = asUser('user:default/ada');
    const lars = asUser('user:default/lars');
    await request(server)
      .get('/api/ingestion/api-clients')
      .set('Authorization', lars)
      .expect(403);
    await request(server)
      .post('/api/ingestion/api-clients')
      .set('Authorization', bearer(await backend.tokenOf('lyra-etl')))
      .send({ clientId: 'self-made', tenant: LYRA, scopes: ['ingestion.read'] })
      .expect(403);
    const bad = await request(server)
      .post('/api/ingestion/api-clients')
      .set('Authorization', ada)
      .send({
        clientId: 'has space',
        tenant: 'user:default/lars',
        scopes: ['ingestion.purchase'],
      })
      .expect(400);
    expect(bad.body.error.message).toMatch(
      /clientId must be .*; tenant must be a group entity ref.*; scopes must be a non-empty list of ingestion.read, ingestion.write/,
    );
    const notTenant = await request(server)
      .post('/api/ingestion/api-clients')
      .set('Authorization', ada)
      .send({
        clientId: 'club-bot',
        tenant: 'group:default/book-club',
        scopes: ['ingestion.read'],
      })
      .expect(400);
    expect(notTenant.body.error.message).toMatch(/book-club is not a tenant/);
    const again = await request(server)
      .post('/api/ingestion/api-clients')
      .set('Authorization', ada)
      .send({ clientId: 'lyra-etl', tenant: ORION, scopes: ['ingestion.read'] })
      .expect(409);
    expect(again.body.error.message).toMatch(/lyra-etl is registered already/);
    await request(server)
      .post('/api/ingestion/api-clients/nobody/revoke')
      .set('Authorization', ada)
      .expect(404);
    const list = await request(server)
      .get('/api/ingestion/api-clients')
      .set('Authorization', ada)
      .expect(200);
    expect(
      list.body.clients.map(
        (c: { clientId: string; tenant: string; revokedAt?: string }) => [
          c.clientId,
          c.tenant,
          !!c.revokedAt,
        ],
      ),
    ).toEqual([
      ['lyra-etl', LYRA, false],
      ['lyra-reporting', LYRA, false],
      ['lyra-retired', LYRA, true],
      ['orion-etl', ORION, false],
    ]);
  });
});

describe('without ingestion.externalClients', () => {
  it('keeps Backstage’s barrier and reads no other token', async () => {
    const rogue = await TestAuthorizationServer.start({
      clients: [oauthClient('lyra-etl')],
      audiences: [API_AUDIENCE],
      scopes: ['ingestion.read'],
    });
    const { server, stop } = await startIngestionTestBackend();
    try {
      const token = await rogue.token(oauthClient('lyra-etl'), {
        resource: API_AUDIENCE,
        scope: 'ingestion.read',
      });
      const res = await request(server)
        .get('/api/ingestion/jobs')
        .set('Authorization', `Bearer ${token}`);
      // Refused by Backstage's own token check (the test backend's mock answers 400 for a token it cannot read).
      expect([400, 401]).toContain(res.status);
      expect(res.text).not.toMatch(/API client/);
    } finally {
      await stop();
      await rogue.stop();
    }
  });
});
