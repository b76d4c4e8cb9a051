import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { ingestionApiRef } from '../../api';
import { resourceEstimate } from '../../testing/estimateFixture';
import { mockIngestionApi } from '../../testing/mockIngestionApi';
import { JobEstimateCard } from './JobEstimateCard';

const replay = {
  runId: '67a4474a-7358-4aec-9eac-c84f1350adf2',
  slaMinutes: 1,
  sizes: [
    { ingestionUnits: 1, taskSlots: 2, predictedMinutes: 1.4, meetsSla: false },
    { ingestionUnits: 2, taskSlots: 6, predictedMinutes: 0.8, meetsSla: true },
  ],
  recommendation: {
    ...resourceEstimate().recommendation,
    taskSlots: 6,
    predictedMinutes: 0.8,
    meetsSla: true,
  },
  cost: {
    currency: 'EUR',
    runsPerMonth: 30,
    runsPerMonthAssumed: false,
    dedicated: { units: 2, pricePerUnitMonth: 200, amount: 400 },
    vcpuHours: { vcpuHours: 2.8, pricePerVcpuHour: 0.1, amount: 0.28 },
    cheaper: 'vcpu-hours' as const,
    savings: 399.72,
  },
  gaps: [],
};

function renderCard(estimate = resourceEstimate()) {
  const api = mockIngestionApi({
    getJobEstimate: jest.fn(async () => estimate),
  });
  renderInTestApp(<JobEstimateCard jobId="job-1" refreshKey="r1" />, {
    apis: [[ingestionApiRef, api]],
  });
  return api;
}

describe('JobEstimateCard', () => {
  it('adds what replaying the latest run at each size says, with the month’s cost both ways', async () => {
    renderCard(resourceEstimate({ lastRunReplay: replay }));
    expect(await screen.findByTestId('run-replay')).toHaveTextContent(
      'Replaying run 67a4474a at each size: 2 Ingestion Units finish in 0.8 min, within the SLA of 1 min (1 Ingestion Unit: 1.4 min).' +
        'A month of it: €400.00 as dedicated units, €0.28 as vCPU-hours.',
    );
  });

  it('says when no size meets the SLA, and what the event log was missing', async () => {
    renderCard(
      resourceEstimate({
        lastRunReplay: {
          ...replay,
          recommendation: { ...replay.recommendation, meetsSla: false },
          gaps: ['the application end was missing'],
        },
      }),
    );
    const text = (await screen.findByTestId('run-replay')).textContent;
    expect(text).toContain(
      'no size meets the SLA of 1 min; 2 Ingestion Units are fastest at 0.8 min',
    );
    expect(text).toContain(
      'The event log was partial: the application end was missing.',
    );
  });

  it('shows no replay for a job without a run that left an event log', async () => {
    renderCard();
    await screen.findByText(/2 Ingestion Units: expected 20 min/);
    expect(screen.queryByTestId('run-replay')).not.toBeInTheDocument();
  });
});
