import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { signalApiRef } from '@backstage/plugin-signals-react';
import {
  HeatmapSlice,
  NamespaceTier,
} from '@internal/backstage-plugin-ingestion-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ingestionApiRef } from '../../api';
import { ingestionJob } from '../../testing/jobFixtures';
import {
  LYRA,
  mockIngestionApi,
  mockSignalApi,
  ORION,
} from '../../testing/mockIngestionApi';
import { SliceHeatmap } from './SliceHeatmap';

const START = Date.UTC(2026, 10, 27, 10, 0);
const SLICE = 15 * 60_000;
const GiB = 1024;

/** 96 idle slices of a namespace with 32 cores and 128 GiB, with the given ones replaced. */
function slices(changed: Record<number, Partial<HeatmapSlice>> = {}) {
  return Array.from(
    { length: 96 },
    (_, i): HeatmapSlice => ({
      sliceStart: new Date(START + i * SLICE).toISOString(),
      committedCores: 0,
      committedMemoryMiB: 0,
      capacityCores: 32,
      capacityMemoryMiB: 128 * GiB,
      utilisation: 0,
      jobs: [],
      ...changed[i],
    }),
  );
}

const orders = ingestionJob();

const heatmaps: Record<NamespaceTier, HeatmapSlice[]> = {
  dedicated: slices({
    0: {
      committedCores: 32,
      committedMemoryMiB: 64 * GiB,
      utilisation: 1,
      jobs: [
        {
          jobId: orders.id,
          tenant: ORION,
          runs: 1,
          cores: 32,
          memoryMiB: 64 * GiB,
        },
      ],
    },
    1: {
      committedCores: 40,
      committedMemoryMiB: 96 * GiB,
      utilisation: 1.25,
      jobs: [
        {
          jobId: orders.id,
          tenant: ORION,
          runs: 2,
          cores: 30,
          memoryMiB: 72 * GiB,
        },
        {
          jobId: 'job-unseen',
          tenant: LYRA,
          runs: 1,
          cores: 10,
          memoryMiB: 24 * GiB,
        },
      ],
    },
  }),
  'vcore-hours': slices({
    5: { committedCores: 8, committedMemoryMiB: 16 * GiB, utilisation: 0.25 },
  }),
  draft: slices(),
};

function renderHeatmap() {
  const api = mockIngestionApi({
    getHeatmap: jest.fn(async (tier: NamespaceTier) => heatmaps[tier]),
    listJobs: jest.fn(async () => ({ items: [orders], totalCount: 1 })),
  });
  renderInTestApp(<SliceHeatmap />, {
    apis: [
      [ingestionApiRef, api],
      [signalApiRef, mockSignalApi().api],
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
  return { api, user: userEvent.setup() };
}

const cell = (namespace: string, label: RegExp) =>
  screen
    .getAllByRole('button', { name: label })
    .find(button =>
      button.getAttribute('aria-label')!.startsWith(`${namespace},`),
    )!;

describe('SliceHeatmap', () => {
  it('draws 96 slices per namespace and sets full and over-committed slices apart', async () => {
    const { api } = renderHeatmap();
    const dedicated = await screen.findByTestId('heatmap-row-dedicated');

    for (const tier of ['dedicated', 'vcore-hours', 'draft']) {
      expect(
        within(screen.getByTestId(`heatmap-row-${tier}`)).getAllByRole(
          'button',
        ),
      ).toHaveLength(96);
    }
    expect(dedicated).toHaveTextContent('ingestion-dedicated');
    expect(dedicated).toHaveTextContent('Dedicated · 32 cores · peak 125%');

    const full = cell(
      'ingestion-dedicated',
      /32 of 32 cores committed \(100%\)/,
    );
    const over = cell(
      'ingestion-dedicated',
      /40 of 32 cores committed \(125%\)/,
    );
    const quarter = cell(
      'ingestion-vcore-hours',
      /8 of 32 cores committed \(25%\)/,
    );
    const idle = within(dedicated).getAllByRole('button')[2];
    expect(full).toHaveAttribute('data-level', 'full');
    expect(over).toHaveAttribute('data-level', 'over');
    expect(quarter).toHaveAttribute('data-level', 'medium');
    expect(idle).toHaveAttribute('data-level', 'idle');
    const fills = [full, over, quarter, idle].map(b => b.style.background);
    expect(new Set(fills).size).toBe(4);
    expect(over.style.background).toMatch(/repeating-linear-gradient/);

    expect(screen.getByRole('list', { name: 'Legend' })).toHaveTextContent(
      'IdleUnder 25%25–50%50–75%75–99%FullOver-committedNo capacity',
    );
    expect(api.getHeatmap).toHaveBeenCalledWith('dedicated', 24);
    expect(api.getHeatmap).toHaveBeenCalledWith('vcore-hours', 24);
    expect(api.getHeatmap).toHaveBeenCalledWith('draft', 24);
  });

  it('shows a slice’s figures and jobs, by name where visible, when it is clicked', async () => {
    const { api, user } = renderHeatmap();
    await screen.findByTestId('heatmap-row-dedicated');
    await waitFor(() => expect(api.listJobs).toHaveBeenCalled());

    await user.click(cell('ingestion-dedicated', /40 of 32 cores committed/));

    const details = screen.getByTestId('slice-details');
    expect(details).toHaveTextContent(
      /^ingestion-dedicated · .+\d\d:15–\d\d:30/,
    );
    expect(details).toHaveTextContent('Over-committed');
    expect(details).toHaveTextContent('Cores40 of 32 (125%)');
    expect(details).toHaveTextContent('Memory96 GiB of 128 GiB (75%)');
    const [, first, second] = within(details).getAllByRole('row');
    expect(
      within(first).getByRole('link', { name: 'nightly-orders' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/team-orion-nightly-orders',
    );
    const cells = (row: HTMLElement) =>
      Array.from(
        row.querySelectorAll('[role="rowheader"], [role="gridcell"]'),
      ).map(c => c.textContent);
    expect(cells(first)).toEqual([
      'nightly-orders',
      'team-orion',
      '2',
      '30',
      '72 GiB',
    ]);
    expect(cells(second)).toEqual([
      'job-unseen',
      'team-lyra',
      '1',
      '10',
      '24 GiB',
    ]);
    expect(
      cell('ingestion-dedicated', /40 of 32 cores committed/),
    ).toHaveAttribute('aria-pressed', 'true');

    // Hovering another slice previews it (capacity held by jobs the caller may not see is said to be so);
    // leaving the grid brings the pinned one back.
    await user.hover(cell('ingestion-vcore-hours', /8 of 32 cores committed/));
    expect(screen.getByTestId('slice-details')).toHaveTextContent(
      'Held by runs of other tenants’ jobs, which only platform admins see.',
    );
    await user.unhover(screen.getByRole('group', { name: 'Slice heatmap' }));
    expect(screen.getByTestId('slice-details')).toHaveTextContent('job-unseen');
  });
});
