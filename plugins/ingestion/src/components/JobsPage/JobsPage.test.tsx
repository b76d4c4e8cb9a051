import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { JobList } from '@internal/backstage-plugin-ingestion-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ingestionApiRef } from '../../api';
import { capacityRouteRef } from '../../routes';
import { ingestionJob, ingestionRun } from '../../testing/jobFixtures';
import {
  LYRA,
  mockIngestionApi,
  ORION,
  responseError,
} from '../../testing/mockIngestionApi';
import { JobsPage } from './JobsPage';

const orders = ingestionJob();
const customers = ingestionJob({
  id: 'job-customers',
  name: 'customers',
  description: undefined,
  tenant: LYRA,
  source: {
    type: 's3',
    bucket: 'raw',
    prefix: 'customers/',
    format: 'csv',
  },
  target: {
    type: 'hdfs',
    path: 'hdfs://nn:8020/lake/customers',
    format: 'parquet',
  },
  schedule: { type: 'interval', everyMinutes: 60 },
  status: 'paused',
  lifecycle: 'production',
  pool: 'dedicated',
  tier: 'dedicated',
});

const jobList = (items = [orders, customers], totalCount = items.length) =>
  ({ items, totalCount } as JobList);

function renderPage(overrides: Parameters<typeof mockIngestionApi>[0] = {}) {
  const api = mockIngestionApi({
    whoami: jest.fn(async () => ({
      principal: 'user:default/guest',
      tenants: [LYRA, ORION],
      platformAdmin: false,
    })),
    listJobs: jest.fn(async () => jobList()),
    listRuns: jest.fn(async (jobId: string) =>
      jobId === orders.id
        ? {
            items: [ingestionRun({ state: 'failed', slaMet: false })],
            totalCount: 3,
          }
        : { items: [], totalCount: 0 },
    ),
    executeNow: jest.fn(async () => ingestionRun({ state: 'queued' })),
    setJobStatus: jest.fn(async () => ({
      ...orders,
      status: 'paused' as const,
    })),
    ...overrides,
  });
  const toast = mockApis.toast();
  renderInTestApp(<JobsPage />, {
    apis: [[ingestionApiRef, api], toast],
    mountedRoutes: {
      '/catalog/:namespace/:kind/:name': entityRouteRef,
      '/ingestion/capacity': capacityRouteRef,
    },
  });
  return { api, toast, user: userEvent.setup() };
}

const rowOf = async (name: string) => {
  const link = await screen.findByRole('link', { name });
  return link.closest('[role="row"]') as HTMLElement;
};

describe('JobsPage', () => {
  it('lists the jobs from the API with their entity, flow, schedule, status, pool and runs', async () => {
    const { api } = renderPage();

    const row = await rowOf('nightly-orders');
    expect(
      within(row).getByRole('link', { name: 'nightly-orders' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/team-orion-nightly-orders',
    );
    expect(row).toHaveTextContent('Orders from the payments database');
    expect(row).toHaveTextContent('team-orion');
    expect(row).toHaveTextContent('PostgreSQL → S3');
    expect(row).toHaveTextContent(
      'payments.public.orders → s3a://lake/payments/orders',
    );
    expect(row).toHaveTextContent('every day at 02:00 (UTC)');
    expect(row).toHaveTextContent('ActiveDraft');
    expect(row).toHaveTextContent('vCPU-hours');
    expect(row).toHaveTextContent('vCPU-hoursingestion-draft');
    expect(row).toHaveTextContent(/(today|tomorrow) at 02:00/);
    expect(within(row).getByText('Failed')).toBeInTheDocument();

    const paused = await rowOf('customers');
    expect(paused).toHaveTextContent('team-lyra');
    expect(paused).toHaveTextContent('S3 → HDFS');
    expect(paused).toHaveTextContent(
      's3://raw/customers/ → hdfs://nn:8020/lake/customers',
    );
    expect(paused).toHaveTextContent('every hour');
    expect(paused).toHaveTextContent('PausedProduction');
    expect(paused).toHaveTextContent('Dedicated units');
    expect(paused).toHaveTextContent('Never');
    expect(
      within(paused).getByRole('button', { name: 'Resume: customers' }),
    ).toBeInTheDocument();

    expect(screen.getByText('2 jobs')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Create job' })).toHaveAttribute(
      'href',
      '/create/templates/default/new-ingestion-job',
    );
    expect(api.listJobs).toHaveBeenCalledWith({ limit: 20, offset: 0 });
    expect(api.listRuns).toHaveBeenCalledWith(orders.id, { limit: 1 });
  });

  it('filters, searches and pages through the API’s query parameters', async () => {
    const { api, user } = renderPage({
      listJobs: jest.fn(async () => jobList([orders], 45)),
    });
    await rowOf('nightly-orders');

    await user.click(screen.getByRole('button', { name: /Status/ }));
    await user.click(await screen.findByRole('option', { name: 'Paused' }));
    await waitFor(() =>
      expect(api.listJobs).toHaveBeenLastCalledWith({
        status: 'paused',
        limit: 20,
        offset: 0,
      }),
    );

    await user.click(screen.getByRole('button', { name: /Tenant/ }));
    await user.click(await screen.findByRole('option', { name: 'team-lyra' }));
    await user.click(screen.getByRole('button', { name: /Pool/ }));
    await user.click(
      await screen.findByRole('option', { name: 'Dedicated units' }),
    );
    await user.click(screen.getByRole('button', { name: /Lifecycle/ }));
    await user.click(await screen.findByRole('option', { name: 'Production' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'cust');
    await waitFor(() =>
      expect(api.listJobs).toHaveBeenLastCalledWith({
        tenant: LYRA,
        status: 'paused',
        lifecycle: 'production',
        pool: 'dedicated',
        search: 'cust',
        limit: 20,
        offset: 0,
      }),
    );

    await user.click(screen.getByRole('button', { name: /next/i }));
    await waitFor(() =>
      expect(api.listJobs).toHaveBeenLastCalledWith(
        expect.objectContaining({ search: 'cust', limit: 20, offset: 20 }),
      ),
    );

    // Back to "any": the parameter is dropped, and paging starts again.
    await user.click(screen.getByRole('button', { name: /Status/ }));
    await user.click(await screen.findByRole('option', { name: 'Any status' }));
    await waitFor(() =>
      expect(api.listJobs).toHaveBeenLastCalledWith({
        tenant: LYRA,
        lifecycle: 'production',
        pool: 'dedicated',
        search: 'cust',
        limit: 20,
        offset: 0,
      }),
    );
  }, 30_000);

  it('shows the server’s 402 message and the way to buy vCPU-hours when a run is refused', async () => {
    const { api, user, toast } = renderPage({
      executeNow: jest.fn(async () => {
        throw await responseError(
          402,
          'Payment Required',
          'InsufficientBalanceError',
          'The vCPU-hour balance of group:default/team-orion is used up: no new runs until more vCPU-hours are bought',
        );
      }),
    });
    const row = await rowOf('nightly-orders');

    await user.click(
      within(row).getByRole('button', { name: 'Run now: nightly-orders' }),
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not run nightly-orders');
    expect(alert).toHaveTextContent(
      'The vCPU-hour balance of group:default/team-orion is used up',
    );
    expect(
      within(alert).getByRole('link', { name: 'Buy vCPU-hours' }),
    ).toHaveAttribute('href', '/ingestion/capacity');
    expect(api.executeNow).toHaveBeenCalledWith(orders.id);
    expect(toast.getToasts()).toEqual([]);

    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('runs a job now and pauses another, then shows the page again from the API', async () => {
    const { api, user, toast } = renderPage();
    const row = await rowOf('nightly-orders');
    expect(api.listJobs).toHaveBeenCalledTimes(1);

    await user.click(
      within(row).getByRole('button', { name: 'Run now: nightly-orders' }),
    );
    await waitFor(() => expect(api.listJobs).toHaveBeenCalledTimes(2));
    expect(toast.getToasts()).toEqual([
      expect.objectContaining({
        title: 'Run of nightly-orders queued',
        status: 'success',
      }),
    ]);

    await user.click(
      within(await rowOf('nightly-orders')).getByRole('button', {
        name: 'Pause: nightly-orders',
      }),
    );
    await waitFor(() => expect(api.listJobs).toHaveBeenCalledTimes(3));
    expect(api.setJobStatus).toHaveBeenCalledWith(orders.id, 'paused');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
