import request from 'supertest';
import {
  asUser,
  startIngestionTestBackend,
} from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

const ORLA = asUser('user:default/orla');

/**
 * Under `yarn start` (NODE_ENV=development) Backstage's default error handler puts the stack, with the machine's
 * paths, into every error body. The ingestion API answers its callers the same way in every mode.
 */
describe('error bodies', () => {
  const nodeEnv = process.env.NODE_ENV;
  beforeAll(() => {
    process.env.NODE_ENV = 'development';
  });
  afterAll(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  it('name the error and the reason, never a stack, also in development', async () => {
    const { server } = await startIngestionTestBackend();
    const answers = await Promise.all([
      request(server)
        .get('/api/ingestion/jobs/no-such-job')
        .set('Authorization', ORLA),
      request(server)
        .post('/api/ingestion/jobs')
        .set('Authorization', ORLA)
        .send({ name: 42 }),
      request(server)
        .get('/api/ingestion/jobs?limit=-1')
        .set('Authorization', ORLA),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(answer.body.error.name).toEqual(expect.any(String));
      expect(answer.body.error.message).toEqual(expect.any(String));
      expect(JSON.stringify(answer.body)).not.toMatch(/\bat .+:\d+:\d+/);
      expect(answer.body.error.stack).toBeUndefined();
    }
  });
});
