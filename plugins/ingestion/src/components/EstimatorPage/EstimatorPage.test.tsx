import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ingestionApiRef } from '../../api';
import { resourceEstimate } from '../../testing/estimateFixture';
import { mockIngestionApi } from '../../testing/mockIngestionApi';
import { EstimatorPage } from './EstimatorPage';

function renderPage(api = mockIngestionApi(), search = '') {
  window.history.replaceState(null, '', `/ingestion/estimator${search}`);
  renderInTestApp(<EstimatorPage />, { apis: [[ingestionApiRef, api]] });
  return { api, user: userEvent.setup() };
}

describe('EstimatorPage', () => {
  it('asks the API for an estimate and shows the recommendation, both costs and what it rests on', async () => {
    const { api, user } = renderPage();
    await user.type(
      await screen.findByRole('textbox', { name: /Data volume/ }),
      '40',
    );
    await user.type(
      screen.getByRole('textbox', { name: /Desired completion time/ }),
      '30',
    );
    await user.type(screen.getByRole('textbox', { name: /Runs every/ }), '60');
    await user.click(screen.getByRole('button', { name: 'Estimate' }));

    expect(await screen.findByTestId('recommended-units')).toHaveTextContent(
      '2 Ingestion Units',
    );
    expect(api.estimate).toHaveBeenCalledWith({
      sourceType: 'postgres',
      targetType: 's3',
      dataVolumeGiB: 40,
      desiredCompletionMinutes: 30,
      schedule: { type: 'interval', everyMinutes: 60 },
    });
    expect(screen.getByTestId('expected-duration')).toHaveTextContent(
      'Expected 20 min; 90 % interval 16–25 min',
    );
    const costs = screen.getByTestId('cost-comparison');
    expect(costs).toHaveTextContent('Dedicated units€400.00');
    expect(costs).toHaveTextContent('vCPU-hours€7.00');
    expect(screen.getByTestId('cheaper-option')).toHaveTextContent(
      'vCPU-hours cost €393.00 less a month.',
    );
    expect(screen.getByTestId('estimate-basis')).toHaveTextContent(
      '5 runs of 2 similar jobs',
    );
    expect(screen.getByTestId('estimate-interval-chart')).toHaveAttribute(
      'aria-label',
      'Expected duration with its 90 % interval for 1 to 3 Ingestion Units, against 30 minutes desired',
    );
    const create = screen.getByRole('link', {
      name: 'Create a job of this size',
    });
    const formData = JSON.parse(
      new URL(create.getAttribute('href')!, 'http://portal').searchParams.get(
        'formData',
      )!,
    );
    expect(formData).toMatchObject({
      estimates: { dataVolumeGiB: 40, slaMinutes: 30 },
      resources: { executorInstances: 3, executorCores: 2 },
    });
  });

  it('names the bad field and sends nothing', async () => {
    const { api, user } = renderPage();
    await user.type(
      await screen.findByRole('textbox', { name: /Data volume/ }),
      '-3',
    );
    await user.click(screen.getByRole('button', { name: 'Estimate' }));
    await waitFor(() =>
      expect(
        screen.getByRole('textbox', { name: /Data volume/ }),
      ).toHaveAttribute('aria-invalid', 'true'),
    );
    expect(
      screen.getByRole('textbox', { name: /Desired completion time/ }),
    ).toHaveAttribute('aria-invalid', 'true');
    expect(api.estimate).not.toHaveBeenCalled();
  });

  it("opened from a job's page, shows that job's estimate learnt from its runs", async () => {
    const api = mockIngestionApi({
      getJobEstimate: jest.fn(async () =>
        resourceEstimate({ basis: 'job', basisLabel: '4 runs of this job' }),
      ),
    });
    renderPage(api, '?jobId=job-orders');
    expect(await screen.findByTestId('estimate-basis')).toHaveTextContent(
      '4 runs of this job',
    );
    expect(api.getJobEstimate).toHaveBeenCalledWith('job-orders');
    expect(screen.getByRole('textbox', { name: /Data volume/ })).toHaveValue(
      '40',
    );
  });

  it('starts filled in from a link with the job template’s values', async () => {
    renderPage(
      mockIngestionApi(),
      '?sourceType=s3&format=csv&dataVolumeGiB=12&desiredCompletionMinutes=45',
    );
    expect(
      await screen.findByRole('textbox', { name: /Data volume/ }),
    ).toHaveValue('12');
    expect(
      screen.getByRole('textbox', { name: /Desired completion time/ }),
    ).toHaveValue('45');
  });
});
