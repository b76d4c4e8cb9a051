import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  CapacityForecast,
  NamespaceForecast,
  TenantTrend,
} from '@internal/backstage-plugin-ingestion-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ingestionApiRef } from '../../api';
import { LYRA, mockIngestionApi, ORION } from '../../testing/mockIngestionApi';
import { ForecastPage } from './ForecastPage';

const days = (from: string, n: number) =>
  Array.from({ length: n }, (_, i) =>
    new Date(Date.parse(from) + i * 86_400_000).toISOString().slice(0, 10),
  );

const vcoreHours = (
  overrides: Partial<NamespaceForecast> = {},
): NamespaceForecast => ({
  tier: 'vcore-hours',
  namespace: 'ingestion-vcore-hours',
  sparkUnits: 8,
  rolling30DayUtilisation: 0.625,
  history: days('2026-09-04', 90).map((day, i) => ({
    day,
    sparkUnits: 4 + i / 45,
  })),
  forecast: days('2026-12-03', 90).map((day, i) => ({
    day,
    point: 6 + i / 45,
    lower: 5 + i / 45,
    upper: 7 + i / 30,
  })),
  horizons: [
    {
      days: 30,
      point: 6.64,
      lower: 5.64,
      upper: 7.97,
      peakUpper: 7.97,
      sparkUnitsToBuy: 2,
    },
    {
      days: 60,
      point: 7.31,
      lower: 6.31,
      upper: 8.97,
      peakUpper: 8.97,
      sparkUnitsToBuy: 4,
    },
    {
      days: 90,
      point: 7.98,
      lower: 6.98,
      upper: 9.97,
      peakUpper: 9.97,
      sparkUnitsToBuy: 5,
    },
  ],
  advice: {
    sparkUnitsToBuy: 5,
    neededBy: '2026-12-03',
    steps: [
      { neededBy: '2026-12-03', additionalSparkUnits: 1, totalSparkUnits: 9 },
      { neededBy: '2027-01-10', additionalSparkUnits: 4, totalSparkUnits: 13 },
    ],
  },
  alertFired: false,
  ...overrides,
});

const forecast = (
  overrides: Partial<CapacityForecast> = {},
): CapacityForecast => ({
  source: 'runs',
  generatedAt: '2026-12-03T06:00:00.000Z',
  level: 0.9,
  threshold: 0.8,
  demoAvailable: false,
  namespaces: [
    vcoreHours(),
    vcoreHours({
      tier: 'draft',
      namespace: 'ingestion-draft',
      sparkUnits: 2,
      history: days('2026-11-20', 13).map(day => ({ day, sparkUnits: 0.2 })),
      forecast: undefined,
      horizons: [],
      advice: undefined,
      note: '13 days of history; forecasts start after 28 days',
    }),
  ],
  ...overrides,
});

const trend = (tenant: string, growthRate?: number): TenantTrend => ({
  tenant,
  last30DaysCoreHours: 2400,
  previous30DaysCoreHours: 2000,
  ...(growthRate !== undefined && { growthRate }),
  trendCoreHoursPerDay: 1.25,
  daily: [],
});

const admin = {
  principal: 'user:default/ada',
  tenants: [],
  platformAdmin: true,
};

function renderPage(api: ReturnType<typeof mockIngestionApi>) {
  renderInTestApp(<ForecastPage />, { apis: [[ingestionApiRef, api]] });
  return userEvent.setup();
}

describe('ForecastPage', () => {
  it('shows each namespace’s fan chart, horizons and recommendation, and the tenants’ growth', async () => {
    const api = mockIngestionApi({
      whoami: jest.fn(async () => admin),
      getCapacityForecast: jest.fn(async () => forecast()),
      getTenantTrends: jest.fn(async () => ({
        source: 'runs' as const,
        tenants: [trend(ORION, 0.2), trend(LYRA)],
      })),
    });
    renderPage(api);
    const card = await screen.findByTestId('namespace-forecast-vcore-hours');
    expect(within(card).getByRole('figure')).toHaveAccessibleName(
      'Demand of ingestion-vcore-hours in Spark Units: 90 days of history and 90 days of forecast',
    );
    expect(
      within(card).getByText('Buy 5 Spark Units by 3 Dec 2026'),
    ).toBeInTheDocument();
    expect(
      within(card).getByText(/1 by 3 Dec 2026, 4 by 10 Jan 2027/),
    ).toBeInTheDocument();
    expect(within(card).getByText('5.64 – 7.97 SU')).toBeInTheDocument();
    expect(
      within(card).getByText(/Rolling 30-day utilisation 62.5%/),
    ).toBeInTheDocument();
    const draft = screen.getByTestId('namespace-forecast-draft');
    expect(
      within(draft).getByText(
        '13 days of history; forecasts start after 28 days',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('+20%')).toBeInTheDocument();
    expect(screen.getByText('new')).toBeInTheDocument();
    expect(screen.queryByText('Demo data')).not.toBeInTheDocument();
    expect(api.getCapacityForecast).toHaveBeenCalledWith('runs');
  });

  it('falls back to the demo history, labelled, when the real one cannot be forecast yet', async () => {
    const empty = forecast({
      demoAvailable: true,
      namespaces: [
        vcoreHours({
          history: [],
          forecast: undefined,
          horizons: [],
          advice: undefined,
          note: '0 days of history',
        }),
      ],
    });
    const api = mockIngestionApi({
      whoami: jest.fn(async () => admin),
      getCapacityForecast: jest.fn(async source =>
        source === 'demo'
          ? forecast({ source: 'demo', demoAvailable: true })
          : empty,
      ),
      getTenantTrends: jest.fn(async source => ({
        source: source!,
        tenants: [],
      })),
    });
    const user = renderPage(api);
    expect(await screen.findByText('Demo data')).toBeInTheDocument();
    expect(api.getTenantTrends).toHaveBeenCalledWith('demo');
    await user.click(screen.getByRole('switch', { name: 'Demo history' }));
    expect(await screen.findByText('0 days of history')).toBeInTheDocument();
    expect(screen.queryByText('Demo data')).not.toBeInTheDocument();
  });

  it('shows a tenant member only their own tenants’ trends', async () => {
    const api = mockIngestionApi({
      whoami: jest.fn(async () => ({
        principal: 'user:default/orla',
        tenants: [ORION],
        platformAdmin: false,
      })),
      getTenantTrend: jest.fn(async tenant => trend(tenant, -0.05)),
    });
    renderPage(api);
    expect(
      await screen.findByText('Capacity forecasts are for platform admins'),
    ).toBeInTheDocument();
    expect(await screen.findByText('-5%')).toBeInTheDocument();
    expect(api.getTenantTrend).toHaveBeenCalledWith(ORION);
    expect(api.getCapacityForecast).not.toHaveBeenCalled();
  });
});
