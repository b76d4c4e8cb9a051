import { Config } from '@backstage/config';
import {
  DEFAULT_NAMESPACE_NAMES,
  NAMESPACE_TIERS,
  NamespaceTier,
} from '@internal/backstage-plugin-ingestion-common';
import { isIP } from 'node:net';
import { SecretNaming } from '../naming/tenantSecretName';
import {
  EgressRule,
  KubernetesExecutorOptions,
} from './KubernetesExecutorOptions';

const KEY = 'ingestion.executors.kubernetes';
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const;
const SECRET_NAMINGS: SecretNaming[] = ['tenant-scoped', 'as-referenced'];

/**
 * Reads `ingestion.executors.kubernetes` (and the namespace names the ingestion plugin also reads), failing at
 * start-up with the offending key rather than at the first run.
 */
export function readKubernetesExecutorConfig(
  root: Config,
): KubernetesExecutorOptions {
  const config = root.getConfig(KEY);

  const namespaces = {} as Record<NamespaceTier, string>;
  for (const tier of NAMESPACE_TIERS) {
    const name =
      root.getOptionalString(`ingestion.namespaces.${tier}.name`) ??
      DEFAULT_NAMESPACE_NAMES[tier];
    if (!DNS_LABEL.test(name)) {
      throw new Error(
        `ingestion.namespaces.${tier}.name must be a Kubernetes namespace name (a DNS label), got ${name}`,
      );
    }
    namespaces[tier] = name;
  }
  if (new Set(Object.values(namespaces)).size !== NAMESPACE_TIERS.length) {
    throw new Error(
      'ingestion.namespaces: each tier needs its own Kubernetes namespace (quotas and priorities are per tier)',
    );
  }

  const imagePullPolicy = config.getOptionalString('imagePullPolicy');
  if (
    imagePullPolicy !== undefined &&
    !(PULL_POLICIES as readonly string[]).includes(imagePullPolicy)
  ) {
    throw new Error(
      `${KEY}.imagePullPolicy must be one of ${PULL_POLICIES.join(
        ', ',
      )}, got ${imagePullPolicy}`,
    );
  }

  const serviceAccount =
    config.getOptionalString('serviceAccount') ?? 'ingestion-spark';
  if (!DNS_LABEL.test(serviceAccount)) {
    throw new Error(
      `${KEY}.serviceAccount must be a DNS label, got ${serviceAccount}`,
    );
  }

  const ttlSeconds = config.getOptionalNumber('ttlSeconds') ?? 86400;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 60) {
    throw new Error(
      `${KEY}.ttlSeconds must be a whole number of at least 60, got ${ttlSeconds}`,
    );
  }

  const reconcileIntervalSeconds =
    config.getOptionalNumber('reconcileIntervalSeconds') ?? 300;
  if (!(reconcileIntervalSeconds >= 10)) {
    throw new Error(
      `${KEY}.reconcileIntervalSeconds must be at least 10, got ${reconcileIntervalSeconds}`,
    );
  }

  const secretNaming = (config.getOptionalString('secretNaming') ??
    'tenant-scoped') as SecretNaming;
  if (!SECRET_NAMINGS.includes(secretNaming)) {
    throw new Error(
      `${KEY}.secretNaming must be one of ${SECRET_NAMINGS.join(
        ', ',
      )}, got ${secretNaming}`,
    );
  }

  // Spark property names contain dots, which config keys treat as nesting: read the object as it was written.
  const sparkConf: Record<string, string> = {};
  const rawSparkConf = config.getOptional<unknown>('sparkConf') ?? {};
  if (typeof rawSparkConf !== 'object' || Array.isArray(rawSparkConf)) {
    throw new Error(`${KEY}.sparkConf must map Spark properties to values`);
  }
  for (const [property, value] of Object.entries(rawSparkConf!)) {
    if (value === null || typeof value === 'object') {
      throw new Error(
        `${KEY}.sparkConf.${property} must be a string, number or boolean`,
      );
    }
    sparkConf[property] = String(value);
  }

  return {
    kubeconfigPath: config.getOptionalString('kubeconfigPath'),
    context: config.getOptionalString('context'),
    namespaces,
    image: config.getString('image'),
    imagePullPolicy:
      imagePullPolicy as KubernetesExecutorOptions['imagePullPolicy'],
    sparkVersion: config.getOptionalString('sparkVersion') ?? '4.1.4',
    mainApplicationFile:
      config.getOptionalString('mainApplicationFile') ??
      'local:///opt/ingestion-app/kubernetes_main.py',
    serviceAccount,
    ttlSeconds,
    sparkConf,
    secretNaming,
    reconcileIntervalSeconds,
    networkPolicy: {
      dnsNamespace:
        config.getOptionalString('networkPolicy.dnsNamespace') ?? 'kube-system',
      apiServer: readEgressRules(config, 'networkPolicy.apiServer'),
      additionalEgress:
        readEgressRules(config, 'networkPolicy.additionalEgress') ?? [],
    },
  };
}

function readEgressRules(
  config: Config,
  key: string,
): EgressRule[] | undefined {
  const entries = config.getOptionalConfigArray(key);
  if (!entries) return undefined;
  return entries.map((entry, index) => {
    const cidr = entry.getString('cidr');
    const [address, bits] = cidr.split('/');
    const family = isIP(address);
    const maxBits = family === 6 ? 128 : 32;
    if (
      !family ||
      bits === undefined ||
      !/^\d+$/.test(bits) ||
      Number(bits) > maxBits
    ) {
      throw new Error(
        `${KEY}.${key}[${index}].cidr must be an address range such as 10.0.0.0/16, got ${cidr}`,
      );
    }
    const ports = (entry.getOptional<unknown[]>('ports') ?? []).map(Number);
    for (const port of ports) {
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        throw new Error(
          `${KEY}.${key}[${index}].ports must be TCP ports (1-65535), got ${port}`,
        );
      }
    }
    return { cidr, ports };
  });
}
