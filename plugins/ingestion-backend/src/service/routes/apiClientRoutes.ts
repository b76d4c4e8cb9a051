import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ingestionApiClientManagePermission } from '@internal/backstage-plugin-ingestion-common';
import type { ResolvedCaller } from '../../tenancy/CallerResolver';
import type { ApiRouter, RouterOptions } from '../router';

/** Platform admins register other systems' OAuth 2.0 clients, each for one tenant, and revoke them. */
export function registerApiClientRoutes(
  router: ApiRouter,
  { callers, permissions, apiClients }: RouterOptions,
) {
  const platformAdmin = async (req: Parameters<typeof callers.resolve>[0]) => {
    const caller: ResolvedCaller = await callers.resolve(req);
    const [decision] = await permissions.authorize(
      [{ permission: ingestionApiClientManagePermission }],
      { credentials: caller.credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'Only platform admins may register or revoke API clients',
      );
    }
    return caller;
  };

  router.get('/api-clients', async (req, res) => {
    await platformAdmin(req);
    res.json({ clients: await apiClients.list() });
  });

  router.post('/api-clients', async (req, res) => {
    const caller = await platformAdmin(req);
    res.status(201).json(await apiClients.register(req.body, caller.principal));
  });

  router.post('/api-clients/:clientId/revoke', async (req, res) => {
    const caller = await platformAdmin(req);
    res.json(await apiClients.revoke(req.params.clientId, caller.principal));
  });
}
