import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { coreApis, useApi } from '@backstage/frontend-plugin-api';
import { NamespaceAllocation } from '@internal/backstage-plugin-ingestion-common';
import {
  Alert,
  Card,
  CardBody,
  CardHeader,
  Container,
  Flex,
  Text,
} from '@backstage/ui';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { ingestionApiRef } from '../../api';
import { formatNumber } from '../../lib/format';
import { RegistryTotals } from '../RegistryTotals';
import { SparkUnitRegistry } from '../SparkUnitRegistry';
import { SliceHeatmap } from '../SliceHeatmap';
import { SparkUnitsDialog } from '../SparkUnitsDialog';
import { useRegistry } from './useRegistry';
import { useLending } from './useLending';
import { UtilisationCard } from '../UtilisationCard';
import { LendingCard } from '../LendingCard';
import { ApiClientsCard } from '../ApiClientsCard';

/**
 * The platform admin page: the Spark Unit registry and its totals, editable by platform admins, and the slice
 * calendar of every namespace; for platform admins also utilisation now, the lending of idle dedicated capacity,
 * live, and other systems' API clients. Each section is its own component so that more can be stacked below.
 */
export const AdminPage = () => {
  const api = useApi(ingestionApiRef);
  const toastApi = useApi(coreApis.toast);
  const caller = useAsync(() => api.whoami(), [api]);
  const registry = useRegistry();
  const [editing, setEditing] = useState<NamespaceAllocation>();
  const lending = useLending(caller.value?.platformAdmin ?? false);

  if (caller.loading || (registry.loading && !registry.value)) {
    return <Progress />;
  }
  const error = caller.error ?? (registry.value ? undefined : registry.error);
  if (error) return <ResponseErrorPanel error={error} />;
  const snapshot = registry.value!;
  const isAdmin = caller.value?.platformAdmin ?? false;

  return (
    <Container>
      <Flex direction="column" gap="4" pb="6">
        <RegistryTotals registry={snapshot} />
        <Card>
          <CardHeader>
            <Flex direction="column" gap="1">
              <Text variant="title-x-small" weight="bold">
                Spark Unit registry
              </Text>
              <Text variant="body-small" color="secondary">
                Spark Units allocated to each namespace. Tenants can buy at most
                what these add up to.
              </Text>
            </Flex>
          </CardHeader>
          <CardBody>
            <Flex direction="column" gap="3">
              {!isAdmin && (
                <Alert
                  status="info"
                  icon
                  title="Read-only"
                  description="Only platform admins can change Spark Units. Ask a member of the platform admin group if a namespace needs more."
                />
              )}
              <SparkUnitRegistry
                registry={snapshot}
                onEdit={isAdmin ? setEditing : undefined}
              />
            </Flex>
          </CardBody>
        </Card>
        {lending.error && !lending.value && (
          <ResponseErrorPanel error={lending.error} />
        )}
        {lending.value && (
          <>
            <UtilisationCard utilisation={lending.value.utilisation} />
            <LendingCard
              events={lending.value.events.items}
              from={Date.parse(lending.value.events.from)}
              to={Date.parse(lending.value.events.to)}
              targetSeconds={
                lending.value.utilisation.lending.reclaimTargetSeconds
              }
            />
          </>
        )}
        <SliceHeatmap namespaces={snapshot.namespaces} />
        {isAdmin && <ApiClientsCard />}
      </Flex>
      {editing && (
        <SparkUnitsDialog
          allocation={editing}
          registry={snapshot}
          onClose={() => setEditing(undefined)}
          onSaved={updated => {
            const saved = editing;
            setEditing(undefined);
            registry.retry();
            toastApi.post({
              title: `Saved Spark Units of ${saved.namespace}`,
              description: `The platform now has ${formatNumber(
                updated.totalIngestionUnits,
                0,
              )} Ingestion Units.`,
              status: 'success',
              timeout: 6000,
            });
          }}
        />
      )}
    </Container>
  );
};
