import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Card,
  CardBody,
  CardHeader,
  Container,
  Flex,
  Grid,
  Text,
} from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { ingestionApiRef } from '../../api';

/** Landing page of the ingestion service: who you act for, and the platform's capacity at a glance. */
export const OverviewPage = () => {
  const api = useApi(ingestionApiRef);
  const { value, loading, error } = useAsync(
    async () => ({
      caller: await api.whoami(),
      registry: await api.getRegistry(),
    }),
    [api],
  );

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const { caller, registry } = value!;

  return (
    <Container>
      <Grid.Root columns={{ initial: '1', md: '2' }} gap="4">
        <Card>
          <CardHeader>
            <Text variant="title-small">Your tenants</Text>
          </CardHeader>
          <CardBody>
            {caller.tenants.length === 0 ? (
              <Text>
                You are not a member of any tenant.
                {caller.platformAdmin ? ' You administer the platform.' : ''}
              </Text>
            ) : (
              <Flex direction="column" gap="1">
                {caller.tenants.map(tenant => (
                  <Text key={tenant} data-testid="tenant">
                    {tenant}
                  </Text>
                ))}
              </Flex>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <Text variant="title-small">Platform capacity</Text>
          </CardHeader>
          <CardBody>
            <Flex direction="column" gap="1">
              <Text>
                {registry.totalIngestionUnits} Ingestion Units (
                {registry.totalCores} cores, {registry.totalMemoryGiB} GiB)
              </Text>
              {registry.namespaces.map(ns => (
                <Text key={ns.tier} variant="body-small" color="secondary">
                  {ns.namespace} ({ns.tier}): {ns.sparkUnits} Spark Units
                </Text>
              ))}
            </Flex>
          </CardBody>
        </Card>
      </Grid.Root>
    </Container>
  );
};
