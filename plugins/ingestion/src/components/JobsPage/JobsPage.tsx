import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  DEFAULT_NAMESPACE_NAMES,
  NamespaceTier,
} from '@internal/backstage-plugin-ingestion-common';
import {
  Alert,
  ButtonLink,
  Card,
  CardBody,
  CardHeader,
  Container,
  Flex,
  Text,
} from '@backstage/ui';
import { RiAddLine } from '@remixicon/react';
import { useCallback } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { ingestionApiRef } from '../../api';
import { useCurrentTenant } from '../../hooks/useCurrentTenant';
import { useJobActions } from '../../hooks/useJobActions';
import { serverMessage } from '../../lib/errors';
import { formatNumber, formatTime } from '../../lib/format';
import { JobActionRefusal } from '../JobActionRefusal';
import { JobFilters } from '../JobFilters';
import { JobsTable } from '../JobsTable';
import { NoTenantNotice } from '../NoTenantNotice';
import { SectionTitle } from '../SectionTitle';
import { TenantPicker } from '../TenantPicker';
import { JOB_PAGE_SIZES, useJobList } from './useJobList';
import { NEW_JOB_TEMPLATE_PATH } from '../../lib/newJobTemplate';

/** "3 jobs", or with filters "1 job matches", "3 jobs match". */
function jobCount(total: number, filtered: boolean): string {
  const jobs = `${formatNumber(total, 0)} ${total === 1 ? 'job' : 'jobs'}`;
  if (!filtered) return jobs;
  return `${jobs} ${total === 1 ? 'matches' : 'match'}`;
}

/**
 * The caller's tenants' ingestion jobs (every tenant's for platform admins), paged, filtered and searched by the
 * API, with Run now and Pause/Resume on each, and the way to create a new one.
 */
export const JobsPage = () => {
  const api = useApi(ingestionApiRef);
  const { caller, loading, error } = useCurrentTenant();
  const list = useJobList();
  const { page } = list;
  const reload = page.retry;
  const actions = useJobActions(useCallback(() => reload(), [reload]));
  // Namespace names come from the registry; the defaults do until it loads, or if it cannot be read.
  const registry = useAsync(() => api.getRegistry(), [api]);
  const namespaceOf = useCallback(
    (tier: NamespaceTier) =>
      registry.value?.namespaces.find(ns => ns.tier === tier)?.namespace ??
      DEFAULT_NAMESPACE_NAMES[tier],
    [registry.value],
  );

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!caller || (caller.tenants.length === 0 && !caller.platformAdmin)) {
    return (
      <Container>
        <NoTenantNotice platformAdmin={false} />
      </Container>
    );
  }

  const showTenant = caller.platformAdmin || caller.tenants.length > 1;
  const current = page.value;
  const total = current?.totalCount ?? 0;
  const filtered =
    Object.values(list.filter).some(v => v !== undefined) ||
    list.search.trim() !== '';

  return (
    <Container>
      <Flex direction="column" gap="4" pb="6">
        <Flex justify="between" align="center" gap="4">
          {showTenant ? (
            <Text variant="body-large">
              {caller.platformAdmin
                ? 'Every tenant’s ingestion jobs.'
                : 'The ingestion jobs of your tenants.'}
            </Text>
          ) : (
            <TenantPicker
              tenants={caller.tenants}
              tenant={caller.tenants[0]}
              onChange={tenant => list.setFilter({ ...list.filter, tenant })}
            />
          )}
          <ButtonLink
            href={NEW_JOB_TEMPLATE_PATH}
            variant="primary"
            iconStart={<RiAddLine size={16} />}
          >
            Create job
          </ButtonLink>
        </Flex>
        {actions.refusal && (
          <JobActionRefusal
            refusal={actions.refusal}
            onDismiss={actions.dismissRefusal}
          />
        )}
        <Card>
          <CardHeader>
            <Flex direction="column" gap="3">
              <Flex justify="between" align="start" gap="3">
                <SectionTitle
                  title="Jobs"
                  subtitle={current ? jobCount(total, filtered) : 'Loading…'}
                />
                {current && (
                  <Text variant="body-small" color="secondary">
                    {page.loading
                      ? 'Updating…'
                      : `Updated at ${formatTime(current.fetchedAt)}`}
                  </Text>
                )}
              </Flex>
              <JobFilters
                tenants={caller.tenants}
                filter={list.filter}
                onFilterChange={list.setFilter}
                search={list.search}
                onSearchChange={list.setSearch}
              />
            </Flex>
          </CardHeader>
          <CardBody>
            {page.error && (
              <Alert
                status="danger"
                icon
                mb="3"
                title="Could not load the jobs"
                description={serverMessage(page.error)}
              />
            )}
            <JobsTable
              rows={current?.rows}
              loading={page.loading}
              now={current?.fetchedAt ?? Date.now()}
              namespaceOf={namespaceOf}
              showTenant={showTenant}
              actions={actions}
              pagination={{
                type: 'page',
                pageSize: list.pageSize,
                pageSizeOptions: JOB_PAGE_SIZES,
                offset: list.offset,
                totalCount: total,
                hasPreviousPage: list.offset > 0,
                hasNextPage: list.offset + list.pageSize < total,
                onPreviousPage: () =>
                  list.setOffset(Math.max(0, list.offset - list.pageSize)),
                onNextPage: () => list.setOffset(list.offset + list.pageSize),
                onPageSizeChange: list.setPageSize,
              }}
              emptyState={
                <Text color="secondary">
                  {filtered
                    ? 'No job matches these filters.'
                    : 'No jobs yet. Create one from the template: it starts in the draft namespace for profiling.'}
                </Text>
              }
            />
          </CardBody>
        </Card>
      </Flex>
    </Container>
  );
};
