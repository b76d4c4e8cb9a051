import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ingestionLendingReadPermission } from '@internal/backstage-plugin-ingestion-common';
import type { ApiRouter, RouterOptions } from '../router';

const HOUR_MS = 3_600_000;

/** Capacity utilisation and the lending audit (Requirement 8), for platform admins. */
export function registerLendingRoutes(
  router: ApiRouter,
  { callers, permissions, lending }: RouterOptions,
) {
  const assertMayRead = async (req: Parameters<typeof callers.resolve>[0]) => {
    const caller = await callers.resolve(req);
    const [decision] = await permissions.authorize(
      [{ permission: ingestionLendingReadPermission }],
      { credentials: caller.credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'Only platform admins may read capacity utilisation and the lending audit',
      );
    }
  };

  router.get('/platform/utilisation', async (req, res) => {
    await assertMayRead(req);
    res.json(await lending.utilisation());
  });

  router.get('/platform/lending/events', async (req, res) => {
    await assertMayRead(req);
    const hours = req.query.hours === undefined ? 24 : Number(req.query.hours);
    if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 90) {
      throw new InputError('hours must be a whole number from 1 to 2160');
    }
    const to = lending.now();
    res.json(await lending.events(to - hours * HOUR_MS, to + 1));
  });
}
