import { IngestionJob } from '@internal/backstage-plugin-ingestion-common';
import { runDemand } from '../../domain/scheduling/placement';
import { CapacityService } from '../CapacityService';
import { AdmissionDecision, JobAdmissionCheck } from './JobAdmission';

/**
 * Requirement 3.4: the tenant must have bought capacity that can cover the job. A dedicated job's run must fit in
 * the tenant's Dedicated Ingestion Units; a vCPU-hour job needs a balance above zero and a run that fits the
 * vcore-hours namespace; every new job must also fit the draft namespace, where it is profiled first.
 */
export class PurchasedCapacityCheck implements JobAdmissionCheck {
  readonly name = 'purchased-capacity';

  constructor(private readonly capacity: CapacityService) {}

  async check(job: IngestionJob): Promise<AdmissionDecision> {
    const demand = runDemand(job.resources);
    const [registry, tenantCapacity] = await Promise.all([
      this.capacity.registry(),
      this.capacity.capacity(job.tenant),
    ]);
    const namespace = (tier: string) =>
      registry.namespaces.find(n => n.tier === tier)!;
    const refuse = (status: 402 | 409, reason: string): AdmissionDecision => ({
      admitted: false,
      status,
      reason,
    });

    if (job.pool === 'dedicated') {
      const cores =
        tenantCapacity.dedicatedUnits * registry.sparkUnitSize.cores;
      if (tenantCapacity.dedicatedUnits === 0) {
        return refuse(
          402,
          `${job.tenant} holds no Dedicated Ingestion Units: buy some, or use the vcore-hours pool`,
        );
      }
      if (demand.cores > cores) {
        return refuse(
          402,
          `One run needs ${demand.cores} cores but ${job.tenant}'s ${tenantCapacity.dedicatedUnits} Dedicated Ingestion Units give ${cores}: ` +
            `buy more units or request fewer executors`,
        );
      }
    } else {
      if (tenantCapacity.vcpuHours.remainingHours <= 0) {
        return refuse(
          402,
          `${
            job.tenant
          } has no vCPU-hours left (${tenantCapacity.vcpuHours.remainingHours.toFixed(
            2,
          )}): buy vCPU-hours on the Capacity page first`,
        );
      }
      const shared = namespace('vcore-hours');
      if (
        demand.cores > shared.cores ||
        demand.memoryMiB > shared.memoryGiB * 1024
      ) {
        return refuse(
          409,
          `One run needs ${demand.cores} cores / ${Math.ceil(
            demand.memoryMiB / 1024,
          )} GiB; the vcore-hours namespace has ${shared.cores} cores / ${
            shared.memoryGiB
          } GiB`,
        );
      }
    }
    if (job.lifecycle === 'draft') {
      const draft = namespace('draft');
      if (
        demand.cores > draft.cores ||
        demand.memoryMiB > draft.memoryGiB * 1024
      ) {
        return refuse(
          409,
          `New jobs are profiled in the draft namespace, which has ${
            draft.cores
          } cores / ${draft.memoryGiB} GiB; one run needs ${
            demand.cores
          } cores / ${Math.ceil(demand.memoryMiB / 1024)} GiB`,
        );
      }
    }
    return { admitted: true };
  }
}
