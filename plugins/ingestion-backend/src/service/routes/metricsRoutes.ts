import type { ApiRouter, RouterOptions } from '../router';
import { parsePage } from './parsePage';

/** Execution metrics and utilisation per job, tenant and namespace over a time range (requirement 13.3). */
export function registerMetricsRoutes(
  router: ApiRouter,
  { callers, metrics }: RouterOptions,
) {
  router.get('/jobs/:jobId/metrics', async (req, res) => {
    const caller = await callers.resolve(req, { serviceScope: 'jobs.read' });
    res.json(await metrics.job(caller, req.params.jobId, req.query));
  });

  router.get('/tenants/:tenant/metrics', async (req, res) => {
    const { tenant } = req.params;
    callers.assertTenantAccess(await callers.resolve(req), tenant);
    res.json(await metrics.tenant(tenant, req.query, parsePage(req.query)));
  });

  router.get('/namespaces/:tier/metrics', async (req, res) => {
    const caller = await callers.resolve(req);
    res.json(await metrics.namespace(caller, req.params.tier, req.query));
  });
}
