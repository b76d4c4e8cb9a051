import {
  CapacityUtilisation,
  CoresAndMemory,
  LendingState,
} from '@internal/backstage-plugin-ingestion-common';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import {
  formatEntityRef,
  formatMiB,
  formatNumber,
  formatTime,
} from '../../lib/format';
import { Meter } from '../MeterBar';

const USED_COLOUR = 'var(--bui-accent-bg, #1f5493)';
const LENT_COLOUR = 'var(--bui-warning-bg, #b26a00)';

/** A bar of `capacity` cores: what its own runs hold, then what is lent, then free. */
const UsageBar = (props: {
  label: string;
  used: number;
  lent: number;
  capacity: number;
}) => {
  const share = (cores: number) =>
    props.capacity > 0 ? cores / props.capacity : 0;
  return (
    <Meter
      label={props.label}
      segments={[
        { fraction: share(props.used), colour: USED_COLOUR },
        { fraction: share(props.lent), colour: LENT_COLOUR },
      ]}
    />
  );
};

const cores = (r: CoresAndMemory) => `${formatNumber(r.cores)} cores`;

const usageLine = (used: CoresAndMemory, capacity: CoresAndMemory) =>
  `${formatNumber(used.cores)} of ${cores(capacity)}, ${formatMiB(
    used.memoryMiB,
  )} of ${formatMiB(capacity.memoryMiB)}`;

/** Whether the dedicated namespace lends now, and why (not). */
export function lendingLine(lending: LendingState): string {
  const idle = `${Math.round(lending.idleShare * 100)}% idle`;
  const rule = `it lends after more than ${lending.idleThresholdPercent}% idle for more than ${lending.idleMinutes} min`;
  if (lending.lending) {
    return `Lending since ${formatTime(
      Date.parse(lending.idleSince!) + lending.idleMinutes * 60_000,
    )}: ${idle}, ${cores(lending.lent)} lent, ${cores(
      lending.lendable,
    )} more lendable.`;
  }
  if (lending.idleSince) {
    return `Not lending yet: ${idle} since ${formatTime(
      lending.idleSince,
    )}; ${rule}.`;
  }
  return `Not lending: ${idle}; ${rule}.${
    lending.lent.cores > 0 ? ` ${cores(lending.lent)} still lent.` : ''
  }`;
}

/** Used against available now, per namespace and per tenant with dedicated units, and the lending state (8.1). */
export const UtilisationCard = (props: {
  utilisation: CapacityUtilisation;
}) => {
  const { namespaces, dedicatedTenants, lending } = props.utilisation;
  return (
    <Card>
      <CardHeader>
        <Flex direction="column" gap="1">
          <Text variant="title-x-small" weight="bold">
            Utilisation now
          </Text>
          <Text variant="body-small" color="secondary">
            From the runs holding resources. Lent: dedicated capacity held by
            opportunistic vCPU-hours runs, taken back by preemption within{' '}
            {lending.reclaimTargetSeconds} s when its owners need it.
          </Text>
        </Flex>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="3">
          <Text variant="body-medium">{lendingLine(lending)}</Text>
          {namespaces.map(ns => (
            <Flex key={ns.tier} direction="column" gap="1">
              <Text variant="body-medium" weight="bold">
                {ns.namespace} ({ns.tier})
              </Text>
              <UsageBar
                label={`${ns.namespace}: used and lent of its cores`}
                used={ns.used.cores}
                lent={ns.lent.cores}
                capacity={ns.capacity.cores}
              />
              <Text variant="body-small" color="secondary">
                {`Used ${usageLine(ns.used, ns.capacity)}${
                  ns.tier === 'dedicated'
                    ? `; lent ${cores(ns.lent)}, ${formatMiB(
                        ns.lent.memoryMiB,
                      )}`
                    : ''
                }`}
              </Text>
            </Flex>
          ))}
          <Text variant="body-medium" weight="bold">
            Tenants with dedicated units
          </Text>
          {dedicatedTenants.length === 0 ? (
            <Text variant="body-small" color="secondary">
              No tenant holds Dedicated Ingestion Units.
            </Text>
          ) : (
            dedicatedTenants.map(t => (
              <Flex key={t.tenant} direction="column" gap="1">
                <Text variant="body-small">
                  {`${formatEntityRef(t.tenant)}: ${t.units} ${
                    t.units === 1 ? 'unit' : 'units'
                  }, used ${usageLine(t.used, t.capacity)}`}
                </Text>
                <UsageBar
                  label={`${formatEntityRef(
                    t.tenant,
                  )}: used of its dedicated cores`}
                  used={t.used.cores}
                  lent={0}
                  capacity={t.capacity.cores}
                />
              </Flex>
            ))
          )}
        </Flex>
      </CardBody>
    </Card>
  );
};
