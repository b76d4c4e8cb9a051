import type { ApiRouter, RouterOptions } from '../router';

export function registerEstimateRoutes(
  router: ApiRouter,
  { callers, estimates }: RouterOptions,
) {
  router.post('/estimates', async (req, res) => {
    res.json(
      await estimates.estimate(await callers.resolve(req), req.body as any),
    );
  });

  router.get('/jobs/:jobId/estimate', async (req, res) => {
    res.json(
      await estimates.estimateForJob(
        await callers.resolve(req),
        req.params.jobId,
      ),
    );
  });
}
