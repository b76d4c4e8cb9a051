import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { UsageRollupStore } from '../database/UsageRollupStore';
import { utcDayStart } from '../domain/forecast/sparkUnitDemand';
import { demoUsageHistory } from './demoUsageHistory';

/**
 * When `ingestion.demo.enabled` is on, (re)writes the demo capacity history for the demo tenants (those of
 * `ingestion.demo.purchases`), ending yesterday, so the forecast always looks at the last months. It lives under
 * the rollups' `demo` source only: real run history is never touched, and only real history raises alerts.
 */
export async function seedDemoUsageHistory(options: {
  config: Config;
  rollups: UsageRollupStore;
  sparkUnitSize: { cores: number; memoryGiB: number };
  now: number;
  logger: LoggerService;
}): Promise<void> {
  const demo = options.config.getOptionalConfig('ingestion.demo');
  if (!demo?.getOptionalBoolean('enabled')) return;
  const tenants = [
    ...new Set(
      (demo.getOptionalConfigArray('purchases') ?? []).map(p =>
        p.getString('tenant'),
      ),
    ),
  ];
  const buckets = demoUsageHistory(
    tenants,
    utcDayStart(options.now),
    options.sparkUnitSize,
  );
  await options.rollups.replaceDemoHistory(buckets);
  options.logger.info(
    `Demo capacity history written for ${tenants.length} tenant(s): ${buckets.length} daily rollups, kept apart from run history`,
  );
}
