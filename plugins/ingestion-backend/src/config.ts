import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { SourceTimeouts } from '@internal/backstage-plugin-ingestion-node';
import { DEFAULT_PROFILING_RUNS } from './domain/lifecycle/promotion';
import {
  DEFAULT_LENDING_POLICY,
  LendingPolicy,
} from './domain/lending/lendingPolicy';
import path from 'node:path';
import {
  DEFAULT_PLATFORM_ADMIN_GROUP,
  NAMESPACE_TIERS,
  NamespaceTier,
  SparkUnitSize,
} from '@internal/backstage-plugin-ingestion-common';

/** What an allow-listed service may do: read every tenant's jobs and runs, or the Spark Unit registry. */
export const SERVICE_SCOPES = ['jobs.read', 'registry.read'] as const;
export type ServiceScope = (typeof SERVICE_SCOPES)[number];

/** A service principal (by subject, e.g. plugin:catalog or external:reporting) and the scopes it is given. */
export interface ServicePrincipalGrant {
  subject: string;
  scopes: ServiceScope[];
}

/**
 * The catalog provider reads every job to keep their entities, and this plugin's own modules (the Kubernetes
 * executor's namespace reconciler) read the registry; nothing else is let in unless configured.
 */
const DEFAULT_SERVICE_PRINCIPALS: ServicePrincipalGrant[] = [
  { subject: 'plugin:catalog', scopes: ['jobs.read'] },
  { subject: 'plugin:ingestion', scopes: ['registry.read'] },
];

/** The plugin's settings, read once at start-up from `ingestion.*` in app-config. */
export interface IngestionConfig {
  platformAdminGroup: string;
  sparkUnitSize: SparkUnitSize;
  namespaces: Record<
    NamespaceTier,
    { name: string; initialSparkUnits: number }
  >;
  /** How many times its cores' hours the vcore-hours namespace may sell in vCPU-hours (1 = no oversubscription). */
  vcpuHourOversubscription: number;
  /** Id of the executor that runs jobs (`ingestion.executor`); the only installed one when absent. */
  executor?: string;
  /** Whether jobs may land data in a local folder (quick start and development only). */
  allowLocalTargets: boolean;
  /** Absolute folder under which each tenant's local targets live, one sub-folder per tenant. */
  localTargetRoot?: string;
  /** Length of a time slice in minutes (divides 1440). */
  sliceMinutes: number;
  /** How many days ahead the slice calendar holds (at least 7). */
  horizonDays: number;
  /** How often the dispatcher starts due runs and follows running ones. */
  dispatchIntervalSeconds: number;
  /** How many consecutive draft runs within the SLA promote a new job to production. */
  profilingRuns: number;
  /** How many manual ("run now") runs of one tenant may wait in the queue at once. */
  maxQueuedManualRunsPerTenant: number;
  /** Services allowed to call the API, by subject, with their scopes. */
  servicePrincipals: ServicePrincipalGrant[];
  /** How long runs wait on silent sources (`ingestion.sourceTimeouts`); the application's defaults when absent. */
  sourceTimeouts?: SourceTimeouts;
  /** A run still going after this multiple of its job's SLA is stopped as timed_out (`ingestion.runTimeLimit`). */
  runTimeLimitSlaMultiple: number;
  /** When idle dedicated capacity is lent and how borrowers are ranked (`ingestion.lending`). */
  lending: LendingPolicy;
}

const TIMEOUT_KEYS = [
  'connectSeconds',
  'loginSeconds',
  'socketSeconds',
] as const;

function readSlaMultiple(config?: Config): number {
  const multiple = config?.getOptionalNumber('runTimeLimit.slaMultiple') ?? 2;
  if (!(multiple >= 1)) {
    throw new InputError(
      `ingestion.runTimeLimit.slaMultiple must be at least 1, got ${multiple}`,
    );
  }
  return multiple;
}

function readSourceTimeouts(config?: Config): SourceTimeouts | undefined {
  if (!config) return undefined;
  const timeouts: SourceTimeouts = {};
  for (const key of TIMEOUT_KEYS) {
    const value = config.getOptionalNumber(key);
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 1 || value > 86_400) {
      throw new InputError(
        `ingestion.sourceTimeouts.${key} must be a whole number of seconds from 1 to 86400, got ${value}`,
      );
    }
    timeouts[key] = value;
  }
  return timeouts;
}

const DEFAULT_NAMESPACES: IngestionConfig['namespaces'] = {
  dedicated: { name: 'ingestion-dedicated', initialSparkUnits: 8 },
  'vcore-hours': { name: 'ingestion-vcore-hours', initialSparkUnits: 8 },
  draft: { name: 'ingestion-draft', initialSparkUnits: 2 },
};

/** A configured folder, relative ones against the backend's working directory. */
function optionalAbsolutePath(value: string | undefined): string | undefined {
  return value === undefined ? undefined : path.resolve(value);
}

function readServicePrincipals(
  config: Config | undefined,
): ServicePrincipalGrant[] {
  const entries = config?.getOptionalConfigArray('servicePrincipals');
  if (!entries) return DEFAULT_SERVICE_PRINCIPALS;
  return entries.map((entry, index) => {
    const scopes = entry.getStringArray('scopes');
    const unknown = scopes.filter(
      scope => !(SERVICE_SCOPES as readonly string[]).includes(scope),
    );
    if (unknown.length > 0) {
      throw new InputError(
        `ingestion.servicePrincipals[${index}].scopes: unknown ${unknown.join(
          ', ',
        )}; known: ${SERVICE_SCOPES.join(', ')}`,
      );
    }
    return {
      subject: entry.getString('subject'),
      scopes: scopes as ServiceScope[],
    };
  });
}

function positiveInteger(value: number, key: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new InputError(`${key} must be a whole number >= 1, got ${value}`);
  }
  return value;
}

export function readIngestionConfig(root: Config): IngestionConfig {
  const config = root.getOptionalConfig('ingestion');
  const sparkUnitSize = {
    cores: config?.getOptionalNumber('sparkUnit.cores') ?? 4,
    memoryGiB: config?.getOptionalNumber('sparkUnit.memoryGiB') ?? 16,
  };
  if (!(sparkUnitSize.cores > 0) || !(sparkUnitSize.memoryGiB > 0)) {
    throw new InputError(
      'ingestion.sparkUnit.cores and ingestion.sparkUnit.memoryGiB must be positive numbers',
    );
  }
  const namespaces = {} as IngestionConfig['namespaces'];
  for (const tier of NAMESPACE_TIERS) {
    const entry = config?.getOptionalConfig(`namespaces.${tier}`);
    const initialSparkUnits =
      entry?.getOptionalNumber('initialSparkUnits') ??
      DEFAULT_NAMESPACES[tier].initialSparkUnits;
    if (!Number.isInteger(initialSparkUnits) || initialSparkUnits < 0) {
      throw new InputError(
        `ingestion.namespaces.${tier}.initialSparkUnits must be a whole number >= 0`,
      );
    }
    namespaces[tier] = {
      name: entry?.getOptionalString('name') ?? DEFAULT_NAMESPACES[tier].name,
      initialSparkUnits,
    };
  }
  return {
    platformAdminGroup:
      config?.getOptionalString('platformAdminGroup') ??
      DEFAULT_PLATFORM_ADMIN_GROUP,
    sparkUnitSize,
    namespaces,
    executor: config?.getOptionalString('executor'),
    allowLocalTargets: config?.getOptionalBoolean('allowLocalTargets') ?? false,
    localTargetRoot: optionalAbsolutePath(
      config?.getOptionalString('localTargetRoot'),
    ),
    sliceMinutes: config?.getOptionalNumber('sliceMinutes') ?? 15,
    horizonDays: config?.getOptionalNumber('horizonDays') ?? 7,
    dispatchIntervalSeconds:
      config?.getOptionalNumber('dispatchIntervalSeconds') ?? 5,
    vcpuHourOversubscription:
      config?.getOptionalNumber('vcpuHourOversubscription') ?? 1,
    runTimeLimitSlaMultiple: readSlaMultiple(config),
    lending: readLendingPolicy(config?.getOptionalConfig('lending')),
    sourceTimeouts: readSourceTimeouts(
      config?.getOptionalConfig('sourceTimeouts'),
    ),
    profilingRuns: readProfilingRuns(config),
    maxQueuedManualRunsPerTenant: positiveInteger(
      config?.getOptionalNumber('maxQueuedManualRunsPerTenant') ?? 5,
      'ingestion.maxQueuedManualRunsPerTenant',
    ),
    servicePrincipals: readServicePrincipals(config),
  };
}

function readLendingPolicy(config?: Config): LendingPolicy {
  const HOUR = 3_600_000;
  const read = (key: string, fallback: number, min: number, max: number) => {
    const value = config?.getOptionalNumber(key) ?? fallback;
    if (!(value >= min && value <= max)) {
      throw new InputError(
        `ingestion.lending.${key} must be a number from ${min} to ${max}, got ${value}`,
      );
    }
    return value;
  };
  const d = DEFAULT_LENDING_POLICY;
  const usageWindowHours = read(
    'usageWindowHours',
    d.usageWindowMs / HOUR,
    1,
    24 * 30,
  );
  return {
    idleThreshold:
      read('idleThresholdPercent', d.idleThreshold * 100, 0, 99) / 100,
    idleWindowMs:
      read('idleMinutes', d.idleWindowMs / 60_000, 0, 1440) * 60_000,
    usageHalfLifeMs:
      read(
        'usageHalfLifeHours',
        d.usageHalfLifeMs / HOUR,
        0.1,
        usageWindowHours,
      ) * HOUR,
    usageWindowMs: usageWindowHours * HOUR,
  };
}

function readProfilingRuns(config: Config | undefined): number {
  const runs =
    config?.getOptionalNumber('profiling.runs') ?? DEFAULT_PROFILING_RUNS;
  if (!Number.isInteger(runs) || runs < 1 || runs > 100) {
    throw new InputError(
      `ingestion.profiling.runs must be a whole number from 1 to 100, got ${runs}`,
    );
  }
  return runs;
}

/** The Kubernetes namespace of each tier. */
export function namespaceNames(
  config: Pick<IngestionConfig, 'namespaces'>,
): Record<NamespaceTier, string> {
  return {
    dedicated: config.namespaces.dedicated.name,
    'vcore-hours': config.namespaces['vcore-hours'].name,
    draft: config.namespaces.draft.name,
  };
}
