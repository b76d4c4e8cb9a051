import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import { ingestionJobEntityRef } from '@internal/backstage-plugin-ingestion-common';
import {
  Card,
  CardBody,
  CardHeader,
  Container,
  Flex,
  Grid,
  Link,
  Text,
} from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { ingestionApiRef } from '../../api';
import { useCurrentTenant } from '../../hooks/useCurrentTenant';
import { formatDateTime, formatNumber } from '../../lib/format';
import { tenantDashboard } from '../../lib/tenantDashboard';
import { NoTenantNotice } from '../NoTenantNotice';
import { SectionTitle } from '../SectionTitle';
import { StatCard } from '../StatCard';
import { TenantPicker } from '../TenantPicker';

/** The most jobs of one tenant the dashboard reads. */
const DASHBOARD_JOBS = 200;

const PlatformCapacity = () => {
  const api = useApi(ingestionApiRef);
  const registry = useAsync(() => api.getRegistry(), [api]);
  if (!registry.value) return null;
  const snapshot = registry.value;
  return (
    <Card>
      <CardHeader>
        <SectionTitle title="Platform capacity" />
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="1">
          <Text>
            {snapshot.totalIngestionUnits} Ingestion Units (
            {snapshot.totalCores} cores, {snapshot.totalMemoryGiB} GiB)
          </Text>
          {snapshot.namespaces.map(ns => (
            <Text key={ns.tier} variant="body-small" color="secondary">
              {ns.namespace} ({ns.tier}): {ns.sparkUnits} Spark Units
            </Text>
          ))}
        </Flex>
      </CardBody>
    </Card>
  );
};

/** One tenant's ingestion at a glance: its jobs by lifecycle, SLA compliance, failing jobs, advice and balance. */
const TenantDashboardView = (props: { tenant: string }) => {
  const api = useApi(ingestionApiRef);
  const entityLink = useEntityRefLink();
  const state = useAsync(async () => {
    const [{ items: jobs }, capacity] = await Promise.all([
      api.listJobs({ tenant: props.tenant, limit: DASHBOARD_JOBS }),
      api.getTenantCapacity(props.tenant),
    ]);
    const healths = await Promise.all(
      jobs.map(job => api.getJobHealth(job.id)),
    );
    return {
      summary: tenantDashboard(
        jobs.map((job, i) => ({ job, health: healths[i] })),
      ),
      capacity,
    };
  }, [api, props.tenant]);

  if (state.error) return <ResponseErrorPanel error={state.error} />;
  if (!state.value) return <Progress />;
  const { summary, capacity } = state.value;
  const { vcpuHours } = capacity;
  const jobLink = (job: Parameters<typeof ingestionJobEntityRef>[0]) =>
    `${entityLink(ingestionJobEntityRef(job))}/ingestion`;

  return (
    <Flex direction="column" gap="4">
      <Grid.Root columns={{ initial: '1', sm: '2', lg: '4' }} gap="4">
        <StatCard label="Jobs" value={summary.jobs} data-testid="stat-jobs">
          <Text variant="body-medium" color="secondary">
            {summary.byLifecycle.draft} in draft (profiling),{' '}
            {summary.byLifecycle.production} in production
          </Text>
        </StatCard>
        <StatCard
          label="SLA compliance"
          value={
            summary.sla.rate === undefined
              ? '–'
              : formatNumber(summary.sla.rate * 100, 0)
          }
          unit={summary.sla.rate === undefined ? undefined : '%'}
          data-testid="stat-sla"
        >
          <Text variant="body-medium" color="secondary">
            {summary.sla.met} of {summary.sla.judged} judged runs within their
            SLA
          </Text>
        </StatCard>
        <StatCard
          label="Failing jobs"
          value={summary.failing.length}
          data-testid="stat-failing"
        >
          <Text variant="body-medium" color="secondary">
            Jobs whose latest run failed
          </Text>
        </StatCard>
        <StatCard
          label="vCPU-hours left"
          value={formatNumber(Math.max(vcpuHours.remainingHours, 0))}
          unit={`of ${formatNumber(vcpuHours.purchasedHours, 0)}`}
          data-testid="stat-balance"
        >
          <Text variant="body-medium" color="secondary">
            {capacity.dedicatedUnits} Dedicated Ingestion Unit(s)
          </Text>
        </StatCard>
      </Grid.Root>
      <Grid.Root columns={{ initial: '1', lg: '2' }} gap="4">
        <Card>
          <CardHeader>
            <SectionTitle
              title="Failing jobs"
              subtitle="The latest run of each failed; the message is the engine's."
            />
          </CardHeader>
          <CardBody>
            {summary.failing.length === 0 ? (
              <Text color="secondary">No job's latest run failed.</Text>
            ) : (
              <Flex direction="column" gap="3">
                {summary.failing.map(({ job, message, at }) => (
                  <Flex
                    key={job.id}
                    direction="column"
                    gap="1"
                    data-testid="failing-job"
                  >
                    <Link href={jobLink(job)} weight="bold">
                      {job.name}
                    </Link>
                    <Text variant="body-small" color="secondary">
                      {at ? `${formatDateTime(at)}: ` : ''}
                      {message ?? 'failed'}
                    </Text>
                  </Flex>
                ))}
              </Flex>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <SectionTitle
              title="Recommendations"
              subtitle="From the jobs' measured runs: resources that would meet the SLA, or that would do with less."
            />
          </CardHeader>
          <CardBody>
            {summary.recommendations.length === 0 ? (
              <Text color="secondary">No recommendation for now.</Text>
            ) : (
              <Flex direction="column" gap="3">
                {summary.recommendations.map(({ job, recommendation }) => (
                  <Flex
                    key={`${job.id}-${recommendation.kind}`}
                    direction="column"
                    gap="1"
                    data-testid="dashboard-recommendation"
                  >
                    <Link href={jobLink(job)} weight="bold">
                      {job.name}
                    </Link>
                    <Text variant="body-small">{recommendation.message}</Text>
                  </Flex>
                ))}
              </Flex>
            )}
          </CardBody>
        </Card>
      </Grid.Root>
    </Flex>
  );
};

/** Landing page of the ingestion service: the dashboard of the tenant the caller acts for, and the platform. */
export const OverviewPage = () => {
  const { caller, tenant, setTenant, loading, error } = useCurrentTenant();

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;

  return (
    <Container>
      <Flex direction="column" gap="4" pb="6">
        {caller && tenant ? (
          <>
            <TenantPicker
              tenants={caller.tenants}
              tenant={tenant}
              onChange={setTenant}
            />
            <TenantDashboardView tenant={tenant} />
          </>
        ) : (
          <NoTenantNotice platformAdmin={caller?.platformAdmin ?? false} />
        )}
        <PlatformCapacity />
      </Flex>
    </Container>
  );
};
