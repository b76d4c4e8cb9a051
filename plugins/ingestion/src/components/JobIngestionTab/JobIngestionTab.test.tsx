import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  IngestionJob,
  IngestionRun,
} from '@internal/backstage-plugin-ingestion-common';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ComponentProps } from 'react';
import { ingestionApiRef } from '../../api';
import {
  ingestionJob,
  ingestionRun,
  jobHealth,
} from '../../testing/jobFixtures';
import { mockIngestionApi } from '../../testing/mockIngestionApi';
import { JobIngestionTab } from './JobIngestionTab';
import { ACTIVE_POLL_MS } from './useJobDetails';

type Entity = ComponentProps<typeof EntityProvider>['entity'];

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'team-orion-nightly-orders', annotations },
  spec: { type: 'ingestion-job', owner: 'group:default/team-orion' },
});
const jobEntity = entity({ 'ingestion.backstage.io/job-id': 'job-orders' });

const MINUTE = 60_000;
const succeeded = ingestionRun();
const failed = ingestionRun({
  id: 'run-failed',
  state: 'failed',
  trigger: 'manual',
  queuedAt: '2026-11-25T10:00:00.000Z',
  startedAt: '2026-11-25T10:00:10.000Z',
  finishedAt: '2026-11-25T10:07:10.000Z',
  message: 'Connection refused: payments-db.internal:5432',
  metrics: undefined,
  slaMet: false,
  slaOverrun: undefined,
});
const slow = ingestionRun({
  id: 'run-slow',
  startedAt: '2026-11-24T02:00:00.000Z',
  metrics: { ...succeeded.metrics!, durationMs: 41 * MINUTE },
  slaMet: false,
  slaOverrun: 11 / 30,
});

function renderTab(
  options: {
    job?: IngestionJob;
    runs?: IngestionRun[];
    entity?: Entity;
    api?: Parameters<typeof mockIngestionApi>[0];
  } = {},
) {
  const job = options.job ?? ingestionJob();
  const runs = options.runs ?? [succeeded, failed, slow];
  const api = mockIngestionApi({
    getJob: jest.fn(async () => job),
    listRuns: jest.fn(async () => ({ items: runs, totalCount: runs.length })),
    ...options.api,
  });
  renderInTestApp(
    <EntityProvider entity={options.entity ?? jobEntity}>
      <JobIngestionTab />
    </EntityProvider>,
    { apis: [[ingestionApiRef, api], mockApis.toast()] },
  );
  return { api, user: userEvent.setup() };
}

const historyRows = async () => {
  const history = await screen.findByRole('grid');
  return within(history).getAllByRole('row').slice(1);
};

describe('JobIngestionTab', () => {
  it('shows the job’s configuration from the API, and only the secret’s name', async () => {
    const job = ingestionJob();
    // A password where none belongs must not reach the page, whatever the API sends.
    (job.source as unknown as Record<string, unknown>).password = 'hunter2';
    (job as unknown as Record<string, unknown>).password = 'hunter3';
    const { api } = renderTab({ job });

    await screen.findByText('payments-db.internal:5432');

    const config = (title: string) =>
      screen.getByLabelText(title, { selector: 'dl' }).textContent;
    expect(config('Source')).toBe(
      'TypePostgreSQLHostpayments-db.internal:5432DatabasepaymentsTablepublic.ordersParallel reads8 partitions on idIncremental onupdated_atCredentialsstored secret payments-db-reader',
    );
    expect(config('Target')).toBe(
      'TypeS3Paths3a://lake/payments/ordersFormatParquetPartitioned byorder_date',
    );
    expect(config('Schedule')).toBe(
      'Whenevery day at 02:00 (UTC)Cron0 2 * * *Time zoneUTCStatusActive',
    );
    expect(config('Estimates and SLA')).toBe(
      'Data volume12 GiB per runExpected duration20 minSLAdone within 30 min',
    );
    expect(config('Resources per run')).toBe(
      'Executors2 × 2 cores, 4 GiBDriver1 core, 2 GiBCores in all5',
    );
    expect(config('Placement')).toMatch(
      /^PoolvCPU-hoursLifecycleDraftNamespaceingestion-draft \(Draft tier\)Ownerteam-orionCreated.+by guestJob idjob-orders$/,
    );

    expect(document.body.textContent).not.toMatch(/password|hunter/i);
    expect(api.getJob).toHaveBeenCalledWith('job-orders');
    expect(api.listRuns).toHaveBeenCalledWith('job-orders', { limit: 100 });
  });

  it('shows the lifecycle timeline, the server’s recommendations and each run’s efficiency', async () => {
    renderTab({
      runs: [
        { ...succeeded, efficiency: { cpu: 0.58, memory: 0.29 } },
        failed,
        slow,
      ],
      api: {
        getJobHealth: jest.fn(async () =>
          jobHealth({
            lifecycle: 'production',
            tier: 'vcore-hours',
            lifecycleReason:
              'Promoted to vcore-hours after 3 consecutive draft runs within the SLA',
            timeline: [
              ...jobHealth().timeline,
              {
                at: '2026-11-23T02:20:00.000Z',
                kind: 'promoted',
                lifecycle: 'production',
                tier: 'vcore-hours',
                by: 'lifecycle',
                reason:
                  'Promoted to vcore-hours after 3 consecutive draft runs within the SLA',
              },
            ],
            recommendations: [
              {
                kind: 'meet-sla',
                message:
                  'Run took 41.0 min against an SLA of 30 min (37% over). 4 executor(s) would do.',
                resources: {
                  ...ingestionJob().resources,
                  executorInstances: 4,
                },
                runIds: ['run-slow'],
              },
            ],
          }),
        ),
      },
    });

    expect(await screen.findByTestId('lifecycle-progress')).toHaveTextContent(
      'In production, in the vcore-hours namespace.',
    );
    const timeline = screen.getByRole('list', { name: 'Lifecycle timeline' });
    expect(
      within(timeline)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      expect.stringMatching(/^Created.*by orla.*Created in draft/),
      expect.stringMatching(/^Promoted.*by lifecycle.*after 3 consecutive/),
    ]);
    expect(screen.getByTestId('recommendation')).toHaveTextContent(
      'To meet the SLARun took 41.0 min against an SLA of 30 min (37% over). 4 executor(s) would do.',
    );
    expect(
      screen.getByRole('meter', { name: 'CPU used by run run-1' }),
    ).toHaveAttribute('aria-valuenow', '58');
    expect(screen.getByLabelText('Efficiency trend')).toHaveTextContent(
      /CPU 58%, memory 29%/,
    );
  });

  it('lists the runs with their metrics and SLA outcome against estimates.slaMinutes', async () => {
    renderTab();

    const [first, second, third] = await historyRows();
    expect(first).toHaveTextContent('Succeeded');
    expect(first).toHaveTextContent('Scheduled');
    expect(first).toHaveTextContent(
      /Queued \d\d:00 · started \d\d:00 · finished \d\d:18/,
    );
    expect(first).toHaveTextContent('18 min');
    expect(first).toHaveTextContent('Met');
    expect(first).toHaveTextContent('4.2M → 4.2M');
    expect(first).toHaveTextContent('12 GiB → 3 GiB');
    expect(first).toHaveTextContent('52 min');
    expect(first).toHaveTextContent('58% of 5 cores');
    expect(first).toHaveTextContent('3.5 GiBpeak, of 12 GiB');

    expect(second).toHaveTextContent('Failed');
    expect(second).toHaveTextContent('Run now');
    expect(second).toHaveTextContent('7 min');
    expect(second).toHaveTextContent('Missedfailed');
    expect(second).toHaveTextContent(
      'Connection refused: payments-db.internal:5432',
    );

    expect(third).toHaveTextContent('41 min');
    expect(third).toHaveTextContent('Missed11 min over');

    expect(screen.getByTestId('sla-compliance')).toHaveTextContent(
      '33%of 3 runs1 finished within 30 min; failed runs count as missed.',
    );
    expect(screen.getByTestId('typical-duration')).toHaveTextContent(
      '29 min 30 s',
    );
    expect(
      screen.getByRole('figure', {
        name: 'Duration of the last 3 runs against an SLA of 30 minutes: 2 missed it',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('figure', {
        name: 'Rows read and written by the last 2 runs',
      }),
    ).toBeInTheDocument();
  });

  it('polls while a run is active and stops once none is', async () => {
    jest.useFakeTimers();
    try {
      const queued = ingestionRun({
        id: 'run-queued',
        state: 'queued',
        trigger: 'manual',
        startedAt: undefined,
        finishedAt: undefined,
        metrics: undefined,
        queuedAt: new Date().toISOString(),
        estimatedStartAt: new Date(Date.now() + 30 * MINUTE).toISOString(),
      });
      const listRuns = jest
        .fn()
        .mockResolvedValueOnce({ items: [queued, succeeded], totalCount: 2 })
        .mockResolvedValueOnce({
          items: [{ ...queued, state: 'running' }, succeeded],
          totalCount: 2,
        })
        .mockResolvedValue({
          items: [{ ...queued, state: 'succeeded' }, succeeded],
          totalCount: 2,
        });
      renderTab({ api: { listRuns } });

      const upcoming = await screen.findByRole('list', {
        name: 'Upcoming runs',
      });
      expect(upcoming).toHaveTextContent('Queued');
      expect(upcoming).toHaveTextContent(
        /Expected to start today at|Expected to start tomorrow at/,
      );
      expect(listRuns).toHaveBeenCalledTimes(1);

      await act(async () => {
        jest.advanceTimersByTime(ACTIVE_POLL_MS);
      });
      await waitFor(() => expect(listRuns).toHaveBeenCalledTimes(2));
      expect(await within(upcoming).findByText('Running')).toBeInTheDocument();

      await act(async () => {
        jest.advanceTimersByTime(ACTIVE_POLL_MS);
      });
      await waitFor(() => expect(listRuns).toHaveBeenCalledTimes(3));
      await waitFor(() =>
        expect(within(upcoming).queryByText('Running')).not.toBeInTheDocument(),
      );

      await act(async () => {
        jest.advanceTimersByTime(5 * ACTIVE_POLL_MS);
      });
      expect(listRuns).toHaveBeenCalledTimes(3);
    } finally {
      jest.useRealTimers();
    }
  });

  it('cancels a queued run and runs the job now', async () => {
    const queued = ingestionRun({
      id: 'run-queued',
      state: 'queued',
      startedAt: undefined,
      finishedAt: undefined,
      metrics: undefined,
    });
    const { api, user } = renderTab({
      runs: [queued, succeeded],
      api: {
        cancelRun: jest.fn(async () => ({
          ...queued,
          state: 'cancelled' as const,
        })),
        executeNow: jest.fn(async () => queued),
      },
    });
    const upcoming = await screen.findByRole('list', { name: 'Upcoming runs' });
    // The tab also polls while a run is queued, so a slow machine sees extra loads: count those after each action.
    const loadsOfRuns = () => (api.listRuns as jest.Mock).mock.calls.length;

    const beforeCancel = loadsOfRuns();
    await user.click(
      within(upcoming).getByRole('button', {
        name: 'Cancel the queued run of nightly-orders',
      }),
    );
    await waitFor(() =>
      expect(api.cancelRun).toHaveBeenCalledWith('job-orders', 'run-queued'),
    );
    await waitFor(() => expect(loadsOfRuns()).toBeGreaterThan(beforeCancel));

    const beforeRunNow = loadsOfRuns();
    await user.click(
      screen.getByRole('button', { name: 'Run now: nightly-orders' }),
    );
    await waitFor(() =>
      expect(api.executeNow).toHaveBeenCalledWith('job-orders'),
    );
    await waitFor(() => expect(loadsOfRuns()).toBeGreaterThan(beforeRunNow));
  });

  it('says which annotation is missing on an entity without a job id', async () => {
    const { api } = renderTab({ entity: entity({}) });
    expect(
      await screen.findByText(/ingestion\.backstage\.io\/job-id/),
    ).toBeInTheDocument();
    expect(api.getJob).not.toHaveBeenCalled();
  });
});
