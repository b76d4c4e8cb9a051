import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ingestionForecastReadPermission,
  UsageSource,
} from '@internal/backstage-plugin-ingestion-common';
import type { ResolvedCaller } from '../../tenancy/CallerResolver';
import type { ApiRouter, RouterOptions } from '../router';

/** Capacity history, forecasts, purchase advice and tenant trends (requirement 12). */
export function registerForecastRoutes(
  router: ApiRouter,
  { callers, permissions, forecast }: RouterOptions,
) {
  const assertMayReadForecasts = async (caller: ResolvedCaller) => {
    const [decision] = await permissions.authorize(
      [{ permission: ingestionForecastReadPermission }],
      { credentials: caller.credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'Only platform admins may read capacity forecasts and other tenants’ trends',
      );
    }
  };
  const sourceOf = (value: unknown): UsageSource =>
    value === 'demo' ? 'demo' : 'runs';

  router.get('/forecast/namespaces', async (req, res) => {
    await assertMayReadForecasts(await callers.resolve(req));
    res.json(await forecast.forecast(sourceOf(req.query.source)));
  });

  router.get('/forecast/tenants', async (req, res) => {
    await assertMayReadForecasts(await callers.resolve(req));
    res.json(await forecast.tenantTrends(sourceOf(req.query.source)));
  });

  router.get('/tenants/:tenant/trend', async (req, res) => {
    const caller = await callers.resolve(req);
    callers.assertTenantAccess(caller, req.params.tenant);
    const { tenants } = await forecast.tenantTrends(
      sourceOf(req.query.source),
      req.params.tenant,
    );
    res.json(tenants[0]);
  });

  router.get('/forecast/usage', async (req, res) => {
    await assertMayReadForecasts(await callers.resolve(req));
    const days = req.query.days === undefined ? 30 : Number(req.query.days);
    if (days < 1 || days > 90)
      throw new InputError('days must be from 1 to 90');
    const granularity = req.query.granularity ?? 'day';
    const source = sourceOf(req.query.source);
    res.json({
      source,
      granularity,
      buckets: await forecast.usage(source, granularity, days),
    });
  });
}
