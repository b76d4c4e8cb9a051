import type { ApiRouter, RouterOptions } from '../router';

export function registerCallerRoutes(
  router: ApiRouter,
  { callers }: Pick<RouterOptions, 'callers'>,
) {
  router.get('/health', async (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/whoami', async (req, res) => {
    const { principal, tenants, platformAdmin } = await callers.resolve(req);
    res.json({ principal, tenants, platformAdmin });
  });
}
