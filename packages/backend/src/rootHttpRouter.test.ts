import { mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { AddressInfo } from 'node:net';
import { errorHandlersWithoutInternals } from './rootHttpRouter';

/** Routes that fail the way real handlers do: a client error, and an internal one naming a file. */
function failingRoutes() {
  const router = Router();
  router.get('/bad-input', async () => {
    throw new InputError('limit must be from 1 to 500');
  });
  router.get('/crash', async () => {
    throw new Error(
      "ENOENT: no such file or directory, open '/srv/portal/sqlite/ingestion.sqlite'",
    );
  });
  return router;
}

describe('error bodies', () => {
  const nodeEnv = process.env.NODE_ENV;
  // What `yarn start` sets, and what makes Backstage's default error handler include stack traces.
  beforeAll(() => {
    process.env.NODE_ENV = 'development';
  });
  afterAll(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  it('carry no stack trace, and a server error names no path of the machine', async () => {
    const logger = mockServices.logger.mock();
    const middleware = MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger,
    });
    const app = express();
    app.use(failingRoutes());
    app.use(errorHandlersWithoutInternals(middleware, logger));
    const server = app.listen(0, '127.0.0.1');
    await new Promise(resolve => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const get = async (path: string) => {
        const res = await fetch(`http://127.0.0.1:${port}${path}`);
        return { status: res.status, text: await res.text() };
      };

      const bad = await get('/bad-input');
      expect(bad.status).toBe(400);
      expect(JSON.parse(bad.text).error).toEqual({
        name: 'InputError',
        message: 'limit must be from 1 to 500',
      });

      const crash = await get('/crash');
      expect(crash.status).toBe(500);
      expect(JSON.parse(crash.text).error.message).toMatch(
        /^An internal error occurred; the backend log has it under logId=[0-9a-f]{20}$/,
      );
      for (const { text } of [bad, crash]) {
        expect(text).not.toMatch(/stack|\/srv\/portal|\.ts:\d+|node_modules/);
      }
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringMatching(/logId=/),
        expect.objectContaining({ message: expect.stringContaining('ENOENT') }),
      );
    } finally {
      await new Promise(resolve => server.close(resolve));
    }
  });
});
