import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { IngestionApi } from '@internal/backstage-plugin-ingestion-common';
import { ingestionApiRef } from '../../api';
import { OverviewPage } from './OverviewPage';

const api: jest.Mocked<Pick<IngestionApi, 'whoami' | 'getRegistry'>> = {
  whoami: jest.fn(async () => ({
    principal: 'user:default/guest',
    tenants: ['group:default/team-orion'],
    platformAdmin: false,
  })),
  getRegistry: jest.fn(async () => ({
    sparkUnitSize: { cores: 4, memoryGiB: 16 },
    namespaces: [
      {
        tier: 'dedicated' as const,
        namespace: 'ingestion-dedicated',
        sparkUnits: 8,
        cores: 32,
        memoryGiB: 128,
      },
      {
        tier: 'vcore-hours' as const,
        namespace: 'ingestion-vcore-hours',
        sparkUnits: 8,
        cores: 32,
        memoryGiB: 128,
      },
      {
        tier: 'draft' as const,
        namespace: 'ingestion-draft',
        sparkUnits: 2,
        cores: 8,
        memoryGiB: 32,
      },
    ],
    totalIngestionUnits: 18,
    totalCores: 72,
    totalMemoryGiB: 288,
  })),
};

describe('OverviewPage', () => {
  it('shows the caller’s tenants and the platform capacity from the API', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[[ingestionApiRef, api as unknown as IngestionApi]]}
      >
        <OverviewPage />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('group:default/team-orion'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/18 Ingestion Units \(72 cores/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('ingestion-draft (draft): 2 Spark Units'),
    ).toBeInTheDocument();
  });
});
