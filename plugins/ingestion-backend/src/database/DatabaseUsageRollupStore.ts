import { Knex } from 'knex';
import {
  DAY_MS,
  mergeUsageBuckets,
  UsageBucket,
  usageBucketsOf,
} from '../domain/forecast/usageBuckets';
import { toIsoString } from './timestamps';
import { UsageQuery, UsageRollupStore, UsageSource } from './UsageRollupStore';

type Timestamp = Date | string | number;

interface RollupRow {
  granularity: UsageBucket['granularity'];
  bucket_start: Timestamp;
  tier: string;
  tenant: string;
  core_hours: number | string;
  memory_gib_hours: number | string;
}

const ROLLUPS = 'capacity_usage_rollups';
const ROLLED_UP = 'capacity_rolled_up_runs';
const ALERTS = 'capacity_forecast_alerts';

/**
 * Runs can finish out of order (a long run started earlier finishes later, replicas' clocks differ): each pass
 * looks this far behind the latest run already rolled up, and skips the runs already counted.
 */
const LOOKBACK_MS = DAY_MS;

const epochMs = (value: Timestamp) => Date.parse(toIsoString(value));

export class DatabaseUsageRollupStore implements UsageRollupStore {
  constructor(private readonly db: Knex) {}

  async rollUpFinishedRuns(options: { batchSize: number }): Promise<number> {
    return this.db.transaction(async tx => {
      const latest = await tx(ROLLED_UP).max({ at: 'finished_at' }).first();
      const since =
        latest?.at !== null && latest?.at !== undefined
          ? epochMs(latest.at) - LOOKBACK_MS
          : undefined;
      const query = tx('ingestion_runs as r')
        .leftJoin(`${ROLLED_UP} as u`, 'u.run_id', 'r.id')
        .whereNull('u.run_id')
        .whereNotNull('r.finished_at')
        .whereNotNull('r.started_at')
        .select(
          'r.id',
          'r.tier',
          'r.tenant',
          'r.allocated_cores',
          'r.allocated_memory_mib',
          'r.started_at',
          'r.finished_at',
        )
        .orderBy('r.finished_at')
        .limit(options.batchSize);
      if (since !== undefined)
        query.where('r.finished_at', '>=', new Date(since));
      const runs = await query;
      if (runs.length === 0) return 0;

      const buckets: UsageBucket[] = [];
      for (const run of runs) {
        const inserted = await tx(ROLLED_UP)
          .insert({
            run_id: run.id,
            finished_at: new Date(epochMs(run.finished_at)),
          })
          .onConflict('run_id')
          .ignore()
          .returning('run_id');
        if (inserted.length === 0) continue;
        buckets.push(
          ...usageBucketsOf({
            tier: run.tier,
            tenant: run.tenant,
            allocatedCores: Number(run.allocated_cores),
            allocatedMemoryMiB: Number(run.allocated_memory_mib),
            startedAt: epochMs(run.started_at),
            finishedAt: Math.max(
              epochMs(run.finished_at),
              epochMs(run.started_at),
            ),
          }),
        );
      }
      for (const bucket of mergeUsageBuckets(buckets)) {
        await tx(ROLLUPS)
          .insert(toRow('runs', bucket))
          .onConflict([
            'source',
            'granularity',
            'tier',
            'tenant',
            'bucket_start',
          ])
          .merge({
            core_hours: tx.raw('?? + ?', [
              `${ROLLUPS}.core_hours`,
              bucket.coreHours,
            ]),
            memory_gib_hours: tx.raw('?? + ?', [
              `${ROLLUPS}.memory_gib_hours`,
              bucket.memoryGiBHours,
            ]),
          });
      }
      return runs.length;
    });
  }

  async replaceDemoHistory(buckets: UsageBucket[]): Promise<void> {
    await this.db.transaction(async tx => {
      await tx(ROLLUPS).where({ source: 'demo' }).delete();
      const rows = mergeUsageBuckets(buckets).map(b => toRow('demo', b));
      // Stay under SQLite's limit of bound variables per statement.
      await tx.batchInsert(ROLLUPS, rows, 100);
    });
  }

  async usage(query: UsageQuery): Promise<UsageBucket[]> {
    const rows: RollupRow[] = await this.db(ROLLUPS)
      .where({ source: query.source, granularity: query.granularity })
      .where('bucket_start', '>=', new Date(query.from))
      .where('bucket_start', '<', new Date(query.to))
      .modify(q => {
        if (query.tier) q.where({ tier: query.tier });
        if (query.tenant) q.where({ tenant: query.tenant });
      })
      .orderBy('bucket_start');
    return rows.map(row => ({
      granularity: row.granularity,
      bucketStart: epochMs(row.bucket_start),
      tier: row.tier,
      tenant: row.tenant,
      coreHours: Number(row.core_hours),
      memoryGiBHours: Number(row.memory_gib_hours),
    }));
  }

  async hasHistory(source: UsageSource): Promise<boolean> {
    const row = await this.db(ROLLUPS).where({ source }).first('tier');
    return row !== undefined;
  }

  async firedCapacityAlerts(): Promise<Set<string>> {
    const rows = await this.db(ALERTS).where({ fired: true }).select('tier');
    return new Set(rows.map(r => r.tier));
  }

  async setCapacityAlertFired(
    tier: string,
    fired: boolean,
    at: number,
  ): Promise<boolean> {
    return this.db.transaction(async tx => {
      const inserted = await tx(ALERTS)
        .insert({ tier, fired, changed_at: new Date(at) })
        .onConflict('tier')
        .ignore()
        .returning('tier');
      if (inserted.length > 0) return true;
      const updated = await tx(ALERTS)
        .where({ tier })
        .whereNot({ fired })
        .update({ fired, changed_at: new Date(at) });
      return updated > 0;
    });
  }
}

function toRow(source: UsageSource, bucket: UsageBucket) {
  return {
    source,
    granularity: bucket.granularity,
    tier: bucket.tier,
    tenant: bucket.tenant,
    bucket_start: new Date(bucket.bucketStart),
    core_hours: bucket.coreHours,
    memory_gib_hours: bucket.memoryGiBHours,
  };
}
