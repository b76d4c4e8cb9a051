import {
  BucketGranularity,
  UsageBucket,
} from '../domain/forecast/usageBuckets';

/** Where a rollup row came from: the run records, or the quick start's generated demo history (never mixed). */
export type UsageSource = 'runs' | 'demo';

export interface UsageQuery {
  source: UsageSource;
  granularity: BucketGranularity;
  /** Bucket starts from `from` (inclusive) to `to` (exclusive), epoch ms. */
  from: number;
  to: number;
  tier?: string;
  tenant?: string;
}

/** Capacity history kept as hourly and daily rollups, so a 90-day query reads days, not millions of runs. */
export interface UsageRollupStore {
  /**
   * Adds the runs that finished since the last call (in batches of at most `batchSize`) to the rollups, each run
   * exactly once; returns how many were added.
   */
  rollUpFinishedRuns(options: { batchSize: number }): Promise<number>;
  /** Replaces the whole demo history with these buckets. */
  replaceDemoHistory(buckets: UsageBucket[]): Promise<void>;
  usage(query: UsageQuery): Promise<UsageBucket[]>;
  /** Whether any bucket of the source exists. */
  hasHistory(source: UsageSource): Promise<boolean>;
  firedCapacityAlerts(): Promise<Set<string>>;
  /** Records that a tier's alert fired or was re-armed; false when it already was (another replica got there). */
  setCapacityAlertFired(
    tier: string,
    fired: boolean,
    at: number,
  ): Promise<boolean>;
}
