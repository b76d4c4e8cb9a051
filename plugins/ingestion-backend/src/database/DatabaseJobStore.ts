import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  IngestionJob,
  IngestionJobSpec,
} from '@internal/backstage-plugin-ingestion-common';
import { Knex } from 'knex';
import { JobFilter, JobStore, NewJob } from './JobStore';
import { toIsoString } from './timestamps';

interface JobRow {
  id: string;
  tenant: string;
  name: string;
  spec: string;
  lifecycle: IngestionJob['lifecycle'];
  tier: IngestionJob['tier'];
  pool: IngestionJob['pool'];
  status: IngestionJob['status'];
  watermark: string | null;
  lifecycle_reason: string | null;
  created_at: Date | string | number;
  created_by: string;
  updated_at: Date | string | number;
  updated_by: string;
}

function toJob(row: JobRow): IngestionJob {
  const spec = JSON.parse(row.spec) as IngestionJobSpec;
  return {
    ...spec,
    id: row.id,
    tenant: row.tenant,
    name: row.name,
    pool: row.pool,
    lifecycle: row.lifecycle,
    tier: row.tier,
    status: row.status,
    ...(row.lifecycle_reason && { lifecycleReason: row.lifecycle_reason }),
    createdAt: toIsoString(row.created_at),
    createdBy: row.created_by,
    updatedAt: toIsoString(row.updated_at),
  };
}

const isUniqueViolation = (error: unknown) =>
  /unique|duplicate/i.test(String((error as Error)?.message ?? error));

export class DatabaseJobStore implements JobStore {
  constructor(private readonly db: Knex) {}

  async create(job: NewJob): Promise<IngestionJob> {
    try {
      await this.db('ingestion_jobs').insert({
        id: job.id,
        tenant: job.spec.tenant,
        name: job.spec.name,
        spec: JSON.stringify(job.spec),
        lifecycle: job.lifecycle,
        tier: job.tier,
        pool: job.spec.pool,
        status: 'active',
        created_at: new Date(job.at),
        created_by: job.by,
        updated_at: new Date(job.at),
        updated_by: job.by,
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          `A job named ${job.spec.name} already exists for ${job.spec.tenant}`,
        );
      }
      throw error;
    }
    return (await this.get(job.id))!;
  }

  async get(id: string): Promise<IngestionJob | undefined> {
    const row = await this.db<JobRow>('ingestion_jobs').where({ id }).first();
    return row ? toJob(row) : undefined;
  }

  async list(filter: JobFilter, page: { limit: number; offset: number }) {
    const query = this.db<JobRow>('ingestion_jobs');
    if (filter.tenants) query.whereIn('tenant', filter.tenants);
    if (filter.status) query.andWhere({ status: filter.status });
    if (filter.lifecycle) query.andWhere({ lifecycle: filter.lifecycle });
    if (filter.pool) query.andWhere({ pool: filter.pool });
    if (filter.search)
      query.andWhereRaw('lower(name) like ?', [
        `%${filter.search.toLowerCase()}%`,
      ]);
    const [{ count }] = await query.clone().count({ count: '*' });
    const rows = await query
      .orderBy([{ column: 'tenant' }, { column: 'name' }])
      .limit(page.limit)
      .offset(page.offset);
    return { items: rows.map(toJob), totalCount: Number(count) };
  }

  async update(
    id: string,
    change: Partial<
      Pick<IngestionJob, 'status' | 'lifecycle' | 'tier' | 'lifecycleReason'>
    > & {
      spec?: IngestionJobSpec;
    },
    by: string,
    at: number,
  ): Promise<IngestionJob> {
    const { spec, lifecycleReason, ...columns } = change;
    const updated = await this.db('ingestion_jobs')
      .where({ id })
      .update({
        ...columns,
        ...(lifecycleReason !== undefined && {
          lifecycle_reason: lifecycleReason,
        }),
        ...(spec && {
          spec: JSON.stringify(spec),
          name: spec.name,
          pool: spec.pool,
        }),
        updated_at: new Date(at),
        updated_by: by,
      });
    if (updated === 0) throw new NotFoundError(`No job ${id}`);
    return (await this.get(id))!;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.db('ingestion_jobs').where({ id }).delete()) > 0;
  }

  async getWatermark(id: string): Promise<string | null> {
    const row = await this.db('ingestion_jobs')
      .select('watermark')
      .where({ id })
      .first();
    return row?.watermark ?? null;
  }

  async setWatermark(id: string, watermark: string | null): Promise<void> {
    await this.db('ingestion_jobs').where({ id }).update({ watermark });
  }
}
