import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { ingestionApiRef } from '../../api';
import { ingestionJob, jobHealth } from '../../testing/jobFixtures';
import { mockIngestionApi, ORION } from '../../testing/mockIngestionApi';
import { OverviewPage } from './OverviewPage';

describe('OverviewPage', () => {
  it('is the tenant’s dashboard: jobs by lifecycle, SLA compliance, failing jobs, recommendations and balance', async () => {
    const draft = ingestionJob({ id: 'a', name: 'orders-draft' });
    const production = ingestionJob({
      id: 'b',
      name: 'orders-production',
      lifecycle: 'production',
      tier: 'vcore-hours',
    });
    const api = mockIngestionApi({
      listJobs: jest.fn(async () => ({
        items: [draft, production],
        totalCount: 2,
      })),
      getJobHealth: jest.fn(async (jobId: string) =>
        jobId === 'a'
          ? jobHealth({
              sla: { judgedRuns: 2, metRuns: 1 },
              lastFinishedRun: {
                id: 'r1',
                state: 'failed',
                message: 'source table public.orders does not exist',
              },
              recommendations: [
                {
                  kind: 'meet-sla',
                  message: '4 executor(s) would meet the SLA',
                  resources: draft.resources,
                  runIds: ['r1'],
                },
              ],
            })
          : jobHealth({
              lifecycle: 'production',
              tier: 'vcore-hours',
              sla: { judgedRuns: 6, metRuns: 6 },
            }),
      ),
    });
    await renderInTestApp(<OverviewPage />, {
      apis: [[ingestionApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

    expect(await screen.findByTestId('stat-jobs')).toHaveTextContent(
      '1 in draft (profiling), 1 in production',
    );
    expect(screen.getByTestId('stat-sla')).toHaveTextContent(
      '88%7 of 8 judged runs within their SLA',
    );
    expect(screen.getByTestId('stat-failing')).toHaveTextContent('1');
    expect(screen.getByTestId('failing-job')).toHaveTextContent(
      'orders-draftsource table public.orders does not exist',
    );
    expect(screen.getByTestId('dashboard-recommendation')).toHaveTextContent(
      'orders-draft4 executor(s) would meet the SLA',
    );
    expect(screen.getByTestId('stat-balance')).toHaveTextContent(
      /742\.5.*of 1,000.*4 Dedicated Ingestion Unit/,
    );
    expect(api.listJobs).toHaveBeenCalledWith({ tenant: ORION, limit: 200 });
    expect(
      await screen.findByText(/18 Ingestion Units \(72 cores/),
    ).toBeInTheDocument();
  });
});
