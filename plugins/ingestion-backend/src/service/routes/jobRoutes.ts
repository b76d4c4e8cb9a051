import type { ApiRouter, RouterOptions } from '../router';

// Job sources are a union the OpenAPI document describes loosely (the service validates them precisely), so
// responses are handed to the typed router as plain JSON.
const json = (value: unknown) => value as any;
import { parsePage } from './parsePage';
import { audited, authorizeLifecycleChange } from './lifecycleChange';

export function registerJobRoutes(
  router: ApiRouter,
  { callers, jobs, permissions, auditor }: RouterOptions,
) {
  router.get('/jobs', async (req, res) => {
    const caller = await callers.resolve(req, { serviceScope: 'jobs.read' });
    const { tenant, status, lifecycle, pool, search } = req.query;
    res.json(
      json(
        await jobs.list(
          caller,
          { tenant, status, lifecycle, pool, search },
          parsePage(req.query),
        ),
      ),
    );
  });

  router.post('/jobs', async (req, res) => {
    res
      .status(201)
      .json(json(await jobs.create(await callers.resolve(req), req.body)));
  });

  router.post('/jobs/validate', async (req, res) => {
    res.json(json(await jobs.validate(await callers.resolve(req), req.body)));
  });

  router.get('/jobs/:jobId', async (req, res) => {
    res.json(
      json(
        await jobs.get(
          await callers.resolve(req, { serviceScope: 'jobs.read' }),
          req.params.jobId,
        ),
      ),
    );
  });

  router.put('/jobs/:jobId', async (req, res) => {
    res.json(
      json(
        await jobs.update(
          await callers.resolve(req),
          req.params.jobId,
          req.body,
        ),
      ),
    );
  });

  router.delete('/jobs/:jobId', async (req, res) => {
    await jobs.delete(await callers.resolve(req), req.params.jobId);
    res.status(204).end();
  });

  router.put('/jobs/:jobId/schedule', async (req, res) => {
    res.json(
      json(
        await jobs.changeSchedule(
          await callers.resolve(req),
          req.params.jobId,
          req.body as any,
        ),
      ),
    );
  });

  router.put('/jobs/:jobId/status', async (req, res) => {
    res.json(
      json(
        await jobs.setStatus(
          await callers.resolve(req),
          req.params.jobId,
          req.body.status,
        ),
      ),
    );
  });

  router.get('/jobs/:jobId/health', async (req, res) => {
    const caller = await callers.resolve(req, { serviceScope: 'jobs.read' });
    res.json(json(await jobs.health(caller, req.params.jobId)));
  });

  router.post('/jobs/:jobId/promote', async (req, res) => {
    const caller = await callers.resolve(req);
    await authorizeLifecycleChange(permissions, caller);
    const job = await audited(
      auditor,
      req,
      { action: 'promote', jobId: req.params.jobId },
      () => jobs.promote(caller, req.params.jobId),
    );
    res.json(json(job));
  });

  router.post('/jobs/:jobId/send-back', async (req, res) => {
    const caller = await callers.resolve(req);
    await authorizeLifecycleChange(permissions, caller);
    const reason = req.body?.reason;
    const job = await audited(
      auditor,
      req,
      { action: 'send-back', jobId: req.params.jobId },
      () => jobs.sendBack(caller, req.params.jobId, reason),
    );
    res.json(json(job));
  });

  router.get('/jobs/:jobId/runs', async (req, res) => {
    const caller = await callers.resolve(req, { serviceScope: 'jobs.read' });
    res.json(
      json(await jobs.listRuns(caller, req.params.jobId, parsePage(req.query))),
    );
  });

  router.post('/jobs/:jobId/runs', async (req, res) => {
    const { replayed, ...run } = await jobs.executeNow(
      await callers.resolve(req),
      req.params.jobId,
      req.header('idempotency-key'),
    );
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.status(202).json(json(run));
  });

  router.get('/jobs/:jobId/runs/:runId', async (req, res) => {
    const caller = await callers.resolve(req, { serviceScope: 'jobs.read' });
    res.json(
      json(await jobs.getRun(caller, req.params.jobId, req.params.runId)),
    );
  });

  router.post('/jobs/:jobId/runs/:runId/cancel', async (req, res) => {
    const caller = await callers.resolve(req);
    res.json(
      json(await jobs.cancelRun(caller, req.params.jobId, req.params.runId)),
    );
  });
}
