import { InputError } from '@backstage/errors';
import type { ApiRouter, RouterOptions } from '../router';

export function registerSchedulerRoutes(
  router: ApiRouter,
  { callers, calendar }: RouterOptions,
) {
  router.get('/scheduler/heatmap', async (req, res) => {
    const caller = await callers.resolve(req);
    const hours = req.query.hours === undefined ? 24 : Number(req.query.hours);
    if (hours < 1 || hours > 168)
      throw new InputError('hours must be from 1 to 168');
    const cells = await calendar.heatmap(req.query.tier, hours);
    const visible = (tenant: string) =>
      caller.platformAdmin || caller.tenants.includes(tenant);
    res.json({
      slices: cells.map(cell => ({
        sliceStart: new Date(cell.sliceStartMs).toISOString(),
        committedCores: cell.committed.cores,
        committedMemoryMiB: cell.committed.memoryMiB,
        capacityCores: cell.capacity.cores,
        capacityMemoryMiB: cell.capacity.memoryMiB,
        utilisation: Number.isFinite(cell.utilisation) ? cell.utilisation : 0,
        jobs: cell.jobs
          .filter(j => visible(j.tenant))
          .map(j => ({
            jobId: j.jobId,
            tenant: j.tenant,
            runs: j.runs,
            cores: j.demand.cores,
            memoryMiB: j.demand.memoryMiB,
          })),
      })),
    });
  });
}
