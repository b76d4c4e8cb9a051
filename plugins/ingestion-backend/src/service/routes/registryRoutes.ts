import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ingestionRegistryUpdatePermission } from '@internal/backstage-plugin-ingestion-common';
import type { ApiRouter, RouterOptions } from '../router';

export function registerRegistryRoutes(
  router: ApiRouter,
  { callers, permissions, capacity }: RouterOptions,
) {
  router.get('/registry', async (req, res) => {
    await callers.resolve(req, { serviceScope: 'registry.read' });
    res.json(await capacity.registry());
  });

  router.put('/registry/:tier', async (req, res) => {
    const caller = await callers.resolve(req);
    const [decision] = await permissions.authorize(
      [{ permission: ingestionRegistryUpdatePermission }],
      {
        credentials: caller.credentials,
      },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'Only platform admins may change the Spark Unit registry',
      );
    }
    res.json(
      await capacity.setSparkUnits(
        req.params.tier,
        req.body.sparkUnits,
        caller.principal,
      ),
    );
  });
}
