import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { PurchaseRequest } from '@internal/backstage-plugin-ingestion-common';
import { resolve } from 'node:path';
import { CapacityService } from '../services/CapacityService';
import { JobService } from '../services/JobService';
import { ResolvedCaller } from '../tenancy/CallerResolver';
import { tenantLocalFolder } from '../domain/jobs/localTargetFolder';

/**
 * Seeds the quick start's demo when `ingestion.demo.enabled` is on and nothing exists yet: purchases for the
 * demo tenants and the demo jobs from config, each run once right away so the portal shows real runs within a
 * minute of starting. Local target paths in the demo config are relative to the tenant's folder under
 * `ingestion.localTargetRoot`.
 */
export class DemoSeeder {
  constructor(
    private readonly deps: {
      config: Config;
      /** Root of local targets (`ingestion.localTargetRoot`, absolute). */
      localTargetRoot?: string;
      capacity: CapacityService;
      jobs: JobService;
      logger: LoggerService;
    },
  ) {}

  async seedIfEmpty(): Promise<void> {
    const demo = this.deps.config.getOptionalConfig('ingestion.demo');
    if (!demo?.getOptionalBoolean('enabled')) return;
    const seeder: ResolvedCaller = {
      principal: 'ingestion:demo-seed',
      tenants: [],
      platformAdmin: true,
      service: false,
      credentials: undefined as any,
    };
    const existing = await this.deps.jobs.list(
      seeder,
      {},
      { limit: 1, offset: 0 },
    );
    if (existing.totalCount > 0) return;

    for (const purchase of demo.getOptionalConfigArray('purchases') ?? []) {
      const tenant = purchase.getString('tenant');
      const request = purchase.get<PurchaseRequest & { tenant: string }>();
      const { tenant: _t, ...order } = request;
      await this.deps.capacity.purchase(tenant, order, seeder.principal);
    }
    for (const jobConfig of demo.getOptionalConfigArray('jobs') ?? []) {
      const spec = jobConfig.get<any>();
      if (spec.target?.type === 'local' && this.deps.localTargetRoot)
        spec.target = {
          ...spec.target,
          path: resolve(
            tenantLocalFolder(this.deps.localTargetRoot, spec.tenant),
            spec.target.path,
          ),
        };
      const job = await this.deps.jobs.create(seeder, spec);
      await this.deps.jobs.executeNow(seeder, job.id);
      this.deps.logger.info(
        `Demo job ${job.tenant}/${job.name} created and queued to run now`,
      );
    }
  }
}
