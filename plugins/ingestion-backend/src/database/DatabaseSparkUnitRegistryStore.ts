import { NamespaceTier } from '@internal/backstage-plugin-ingestion-common';
import { Knex } from 'knex';
import { StoredAllocation } from '../domain/capacity/sparkUnitRegistry';
import { SparkUnitRegistryStore } from './SparkUnitRegistryStore';
import { toIsoString } from './timestamps';

interface AllocationRow {
  tier: NamespaceTier;
  spark_units: number;
  updated_at: Date | string;
  updated_by: string;
}

export class DatabaseSparkUnitRegistryStore implements SparkUnitRegistryStore {
  constructor(private readonly db: Knex) {}

  async list(): Promise<StoredAllocation[]> {
    const rows = await this.db<AllocationRow>('spark_unit_allocations').orderBy(
      'tier',
    );
    return rows.map(row => ({
      tier: row.tier,
      sparkUnits: Number(row.spark_units),
      updatedAt: toIsoString(row.updated_at),
      updatedBy: row.updated_by,
    }));
  }

  async seed(
    initial: Record<NamespaceTier, number>,
    by: string,
  ): Promise<void> {
    const now = new Date();
    const rows = Object.entries(initial).map(([tier, sparkUnits]) => ({
      tier,
      spark_units: sparkUnits,
      updated_at: now,
      updated_by: by,
    }));
    await this.db('spark_unit_allocations')
      .insert(rows)
      .onConflict('tier')
      .ignore();
  }

  async setSparkUnits(
    tier: NamespaceTier,
    sparkUnits: number,
    by: string,
  ): Promise<void> {
    const now = new Date();
    await this.db.transaction(async tx => {
      await tx('spark_unit_allocations')
        .insert({
          tier,
          spark_units: sparkUnits,
          updated_at: now,
          updated_by: by,
        })
        .onConflict('tier')
        .merge();
      await tx('spark_unit_allocation_changes').insert({
        tier,
        spark_units: sparkUnits,
        changed_at: now,
        changed_by: by,
      });
    });
  }
}
