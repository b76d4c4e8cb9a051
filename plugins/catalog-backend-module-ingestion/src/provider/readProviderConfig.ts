import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_NAMESPACE_NAMES,
  NAMESPACE_TIERS,
  NamespaceTier,
} from '@internal/backstage-plugin-ingestion-common';

/** Waits a little at start-up, so that the first read does not race the ingestion plugin's own start. */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 3 },
  initialDelay: { seconds: 15 },
  scope: 'global',
};

const DEFAULT_PAGE_SIZE = 200;

/**
 * Settings of the ingestion job entity provider.
 *
 * @public
 */
export interface IngestionJobEntityProviderConfig {
  /** When all jobs are re-read (`catalog.providers.ingestionJobs.schedule`). */
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Jobs per page of `GET /jobs` (`catalog.providers.ingestionJobs.pageSize`). */
  pageSize: number;
  /** Kubernetes namespace of each tier (`ingestion.namespaces.<tier>.name`, shared with the ingestion backend). */
  namespaces: Record<NamespaceTier, string>;
}

/**
 * Reads the provider's settings from the root config.
 *
 * @public
 */
export function readProviderConfig(
  config: Config,
): IngestionJobEntityProviderConfig {
  const providerConfig = config.getOptionalConfig(
    'catalog.providers.ingestionJobs',
  );
  const schedule = providerConfig?.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        providerConfig.getConfig('schedule'),
      )
    : DEFAULT_SCHEDULE;
  const pageSize =
    providerConfig?.getOptionalNumber('pageSize') ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 500) {
    throw new InputError(
      'catalog.providers.ingestionJobs.pageSize must be a whole number from 1 to 500',
    );
  }
  const namespaces = Object.fromEntries(
    NAMESPACE_TIERS.map(tier => [
      tier,
      config.getOptionalString(`ingestion.namespaces.${tier}.name`) ??
        DEFAULT_NAMESPACE_NAMES[tier],
    ]),
  ) as Record<NamespaceTier, string>;
  return { schedule, pageSize, namespaces };
}
