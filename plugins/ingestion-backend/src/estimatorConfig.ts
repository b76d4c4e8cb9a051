import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { CapacityPrices } from './domain/estimator/costComparison';

/** The estimator's settings, from `ingestion.estimator.*`. */
export interface EstimatorConfig {
  prices: CapacityPrices;
  /** Of the duration interval the estimator shows (default 0.9). */
  confidence: number;
}

/**
 * Illustrative list prices: a dedicated unit (4 cores) costs less than its cores bought by the hour around the
 * clock, so steady jobs favour dedicated units and occasional ones vCPU-hours. Deployments set their own.
 */
const DEFAULT_PRICES: CapacityPrices = {
  currency: 'EUR',
  dedicatedUnitPerMonth: 200,
  vcpuHour: 0.1,
};

export function readEstimatorConfig(root: Config): EstimatorConfig {
  const config = root.getOptionalConfig('ingestion.estimator');
  const prices: CapacityPrices = {
    currency:
      config?.getOptionalString('prices.currency') ?? DEFAULT_PRICES.currency,
    dedicatedUnitPerMonth:
      config?.getOptionalNumber('prices.dedicatedUnitPerMonth') ??
      DEFAULT_PRICES.dedicatedUnitPerMonth,
    vcpuHour:
      config?.getOptionalNumber('prices.vcpuHour') ?? DEFAULT_PRICES.vcpuHour,
  };
  if (!/^[A-Z]{3}$/.test(prices.currency)) {
    throw new InputError(
      `ingestion.estimator.prices.currency: must be an ISO 4217 code such as EUR, got ${prices.currency}`,
    );
  }
  for (const field of ['dedicatedUnitPerMonth', 'vcpuHour'] as const) {
    if (!(prices[field] >= 0) || !Number.isFinite(prices[field])) {
      throw new InputError(
        `ingestion.estimator.prices.${field}: must be a non-negative number, got ${prices[field]}`,
      );
    }
  }
  const confidence = config?.getOptionalNumber('confidence') ?? 0.9;
  if (!(confidence > 0 && confidence < 1)) {
    throw new InputError(
      `ingestion.estimator.confidence: must be between 0 and 1, got ${confidence}`,
    );
  }
  return { prices, confidence };
}
