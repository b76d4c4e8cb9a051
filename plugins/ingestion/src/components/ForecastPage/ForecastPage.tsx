import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  IngestionApi,
  UsageSource,
} from '@internal/backstage-plugin-ingestion-common';
import {
  Alert,
  Card,
  CardBody,
  CardHeader,
  Container,
  Flex,
  Switch,
  Text,
} from '@backstage/ui';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { ingestionApiRef } from '../../api';
import { SectionTitle } from '../SectionTitle';
import { TenantTrendsTable } from '../TenantTrendsTable';
import { NamespaceForecastCard } from './NamespaceForecastCard';

/** The forecast and tenant trends of one source; the demo history when asked, or when there is no real one yet. */
async function loadForecast(api: IngestionApi, asked?: UsageSource) {
  let forecast = await api.getCapacityForecast(asked ?? 'runs');
  if (
    asked === undefined &&
    forecast.demoAvailable &&
    forecast.namespaces.every(ns => !ns.forecast)
  ) {
    forecast = await api.getCapacityForecast('demo');
  }
  const trends = await api.getTenantTrends(forecast.source);
  return { forecast, trends };
}

/** A tenant member's own trends: what the API lets them see. */
const OwnTrends = (props: { tenants: string[] }) => {
  const api = useApi(ingestionApiRef);
  const trends = useAsync(
    () => Promise.all(props.tenants.map(t => api.getTenantTrend(t))),
    [api, props.tenants.join(',')],
  );
  if (trends.loading) return <Progress />;
  if (trends.error) return <ResponseErrorPanel error={trends.error} />;
  return <TenantTrendsTable tenants={trends.value ?? []} />;
};

/**
 * Capacity planning for platform admins (requirement 12): per namespace, the demand history and its 30/60/90-day
 * forecast as a fan chart, the 30/60/90-day horizons and the smallest Spark Unit purchase that keeps the forecast
 * under 80%; below, every tenant's consumption trend and growth. Others see their own tenants' trends only.
 */
export const ForecastPage = () => {
  const api = useApi(ingestionApiRef);
  const [source, setSource] = useState<UsageSource>();
  const caller = useAsync(() => api.whoami(), [api]);
  const isAdmin = caller.value?.platformAdmin ?? false;
  const data = useAsync(
    async () => (isAdmin ? loadForecast(api, source) : undefined),
    [api, isAdmin, source],
  );

  if (caller.loading || data.loading) return <Progress />;
  const error = caller.error ?? data.error;
  if (error) return <ResponseErrorPanel error={error} />;

  if (!isAdmin) {
    return (
      <Container>
        <Flex direction="column" gap="4" pb="6">
          <Alert
            status="info"
            icon
            title="Capacity forecasts are for platform admins"
            description="Below is your tenants' own consumption trend."
          />
          <Card>
            <CardHeader>
              <SectionTitle title="Your consumption trend" />
            </CardHeader>
            <CardBody>
              <OwnTrends tenants={caller.value?.tenants ?? []} />
            </CardBody>
          </Card>
        </Flex>
      </Container>
    );
  }

  // Between learning the caller is an admin and the forecast request starting.
  if (!data.value) return <Progress />;
  const { forecast, trends } = data.value;
  const isDemo = forecast.source === 'demo';
  return (
    <Container>
      <Flex direction="column" gap="4" pb="6">
        <Flex justify="between" align="center">
          <Text color="secondary">
            Daily demand in Spark Units (allocated cores or memory, whichever
            binds, held all day), forecast 90 days ahead with its{' '}
            {Math.round(forecast.level * 100)}% interval. Alerts and advice use
            the interval's upper bound against{' '}
            {Math.round(forecast.threshold * 100)}% of each namespace's Spark
            Units.
          </Text>
          {forecast.demoAvailable && (
            <Switch
              label="Demo history"
              isSelected={isDemo}
              onChange={selected => setSource(selected ? 'demo' : 'runs')}
            />
          )}
        </Flex>
        {isDemo && (
          <Alert
            status="warning"
            icon
            title="Demo data"
            description="Generated capacity history of the quick start's demo tenants, kept apart from real runs. It never raises alerts."
          />
        )}
        {forecast.namespaces.map(ns => (
          <NamespaceForecastCard
            key={ns.tier}
            ns={ns}
            threshold={forecast.threshold}
            level={forecast.level}
          />
        ))}
        <Card>
          <CardHeader>
            <SectionTitle
              title="Tenant growth"
              subtitle="Allocated core-hours over the rolling 30 days against the 30 days before."
            />
          </CardHeader>
          <CardBody>
            <TenantTrendsTable tenants={trends.tenants} />
          </CardBody>
        </Card>
      </Flex>
    </Container>
  );
};
