import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ingestionCapacityPurchasePermission,
  ingestionLedgerAdjustPermission,
} from '@internal/backstage-plugin-ingestion-common';
import type { ApiRouter, RouterOptions } from '../router';

export function registerCapacityRoutes(
  router: ApiRouter,
  { callers, capacity, permissions }: RouterOptions,
) {
  router.post('/tenants/:tenant/adjustments', async (req, res) => {
    const caller = await callers.resolve(req);
    const [decision] = await permissions.authorize(
      [{ permission: ingestionLedgerAdjustPermission }],
      { credentials: caller.credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('Only platform admins may adjust balances');
    }
    await capacity.adjust(
      req.params.tenant,
      req.body.hours,
      req.body.note,
      caller.principal,
    );
    res.status(204).end();
  });

  router.get('/tenants/:tenant/capacity', async (req, res) => {
    const { tenant } = req.params;
    callers.assertTenantAccess(await callers.resolve(req), tenant);
    res.json(await capacity.capacity(tenant));
  });

  router.get('/tenants/:tenant/balance', async (req, res) => {
    const { tenant } = req.params;
    callers.assertTenantAccess(await callers.resolve(req), tenant);
    res.json(await capacity.balance(tenant));
  });

  router.get('/tenants/:tenant/balance/history', async (req, res) => {
    const { tenant } = req.params;
    callers.assertTenantAccess(await callers.resolve(req), tenant);
    const days = req.query.days === undefined ? 30 : Number(req.query.days);
    res.json({ points: await capacity.balanceHistory(tenant, days) });
  });

  router.get('/tenants/:tenant/ledger', async (req, res) => {
    const { tenant } = req.params;
    callers.assertTenantAccess(await callers.resolve(req), tenant);
    res.json({ entries: await capacity.ledger(tenant) });
  });

  router.post('/tenants/:tenant/purchases', async (req, res) => {
    const { tenant } = req.params;
    const caller = await callers.resolve(req);
    callers.assertTenantAccess(caller, tenant);
    const [decision] = await permissions.authorize(
      [
        {
          permission: ingestionCapacityPurchasePermission,
          resourceRef: tenant,
        },
      ],
      { credentials: caller.credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Only tenant admins of ${tenant} may buy capacity for it`,
      );
    }
    const { replayed, ...purchase } = await capacity.purchase(
      tenant,
      req.body,
      caller.principal,
      req.header('idempotency-key'),
    );
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.status(201).json(purchase);
  });
}
