import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Alert,
  Card,
  CardBody,
  CardHeader,
  Container,
  Flex,
  Grid,
  Text,
} from '@backstage/ui';
import { ingestionCapacityPurchasePermission } from '@internal/backstage-plugin-ingestion-common';
import { usePermission } from '@backstage/plugin-permission-react';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { ingestionApiRef } from '../../api';
import { useCurrentTenant } from '../../hooks/useCurrentTenant';
import { serverMessage } from '../../lib/errors';
import { formatEntityRef, formatTime } from '../../lib/format';
import { BalanceCard } from '../BalanceCard';
import { BalanceHistoryCard } from '../BalanceHistoryCard';
import { ConsumptionCard } from '../ConsumptionCard';
import { DedicatedUnitsCard } from '../DedicatedUnitsCard';
import { NoTenantNotice } from '../NoTenantNotice';
import { PurchaseForm } from '../PurchaseForm';
import { PurchasesTable } from '../PurchasesTable';
import { SectionTitle } from '../SectionTitle';
import { TenantPicker } from '../TenantPicker';
import { useTenantCapacity } from './useTenantCapacity';

/** A tenant's capacity: what it holds, how fast it burns, a way to buy more, and what it bought. */
export const CapacityPage = () => {
  const api = useApi(ingestionApiRef);
  const { caller, tenant, setTenant, loading, error } = useCurrentTenant();
  const [days, setDays] = useState(7);
  const capacity = useTenantCapacity(tenant, days);
  // The Spark Unit size only explains what a dedicated unit is; the page works without it.
  const registry = useAsync(() => api.getRegistry(), [api]);
  // The server decides who may buy (tenant admins and platform admins); the page asks it rather than guessing.
  const purchase = usePermission({
    permission: ingestionCapacityPurchasePermission,
    resourceRef: tenant,
  });

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!caller || !tenant) {
    return (
      <Container>
        <NoTenantNotice platformAdmin={caller?.platformAdmin ?? false} />
      </Container>
    );
  }
  if (!capacity.value) {
    if (capacity.error) return <ResponseErrorPanel error={capacity.error} />;
    return <Progress />;
  }

  const { capacity: current, history, fetchedAt } = capacity.value;
  const sparkUnitSize = registry.value?.sparkUnitSize;

  return (
    <Container>
      <Flex direction="column" gap="4" pb="6">
        <Flex justify="between" align="end" gap="4">
          <TenantPicker
            tenants={caller.tenants}
            tenant={tenant}
            onChange={setTenant}
          />
          <Text variant="body-small" color="secondary">
            {capacity.loading
              ? 'Updating…'
              : `Updated at ${formatTime(fetchedAt)}; changes appear live`}
          </Text>
        </Flex>
        {capacity.error && (
          <Alert
            status="warning"
            icon
            title="Could not refresh; showing the last figures"
            description={serverMessage(capacity.error)}
          />
        )}
        <Grid.Root columns={{ initial: '1', md: '3' }} gap="4">
          <DedicatedUnitsCard
            units={current.dedicatedUnits}
            sparkUnitSize={sparkUnitSize}
          />
          <BalanceCard balance={current.vcpuHours} />
          <ConsumptionCard balance={current.vcpuHours} now={fetchedAt} />
        </Grid.Root>
        <Grid.Root columns={{ initial: '1', lg: '3' }} gap="4">
          <Grid.Item colSpan={{ initial: '1', lg: '2' }}>
            <BalanceHistoryCard
              points={history}
              purchases={current.purchases}
              days={days}
              now={fetchedAt}
              ratePerHour={current.vcpuHours.consumptionRatePerHour}
              onDaysChange={setDays}
            />
          </Grid.Item>
          <Card>
            <CardHeader>
              <SectionTitle
                title="Buy capacity"
                subtitle="Valid from now; dedicated units are reserved for the whole period."
              />
            </CardHeader>
            <CardBody>
              {purchase.allowed && (
                <PurchaseForm
                  key={tenant}
                  tenant={tenant}
                  sparkUnitSize={sparkUnitSize}
                  onPurchased={capacity.retry}
                />
              )}
              {!purchase.allowed && !purchase.loading && (
                <Text data-testid="purchase-not-allowed">
                  Only the tenant admins of {formatEntityRef(tenant)} buy
                  capacity for it. Ask one of them, or a platform admin.
                </Text>
              )}
            </CardBody>
          </Card>
        </Grid.Root>
        <Card>
          <CardHeader>
            <SectionTitle
              title="Purchases"
              subtitle="Everything this tenant bought, newest first."
            />
          </CardHeader>
          <CardBody>
            <PurchasesTable purchases={current.purchases} now={fetchedAt} />
          </CardBody>
        </Card>
      </Flex>
    </Container>
  );
};
