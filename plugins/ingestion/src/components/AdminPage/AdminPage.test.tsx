import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ingestionApiRef } from '../../api';
import {
  capacityUtilisation,
  mockIngestionApi,
  mockSignalApi,
  registry,
  responseError,
} from '../../testing/mockIngestionApi';
import { AdminPage } from './AdminPage';

const asAdmin = () =>
  mockIngestionApi({
    whoami: jest.fn(async () => ({
      principal: 'user:default/ada',
      tenants: [],
      platformAdmin: true,
    })),
  });

/** Renders synchronously, so that the first `findBy…` waits (inside act) for the mocks to resolve. */
function renderPage(api = mockIngestionApi()) {
  const signals = mockSignalApi();
  const toast = mockApis.toast();
  renderInTestApp(<AdminPage />, {
    apis: [[ingestionApiRef, api], [signalApiRef, signals.api], toast],
  });
  return { api, signals, toast, user: userEvent.setup() };
}

const registryRows = async () => {
  const table = await screen.findByRole('grid');
  return within(table).getAllByRole('row');
};

describe('AdminPage', () => {
  it('shows the registry per namespace with totals, read-only to someone who is not a platform admin', async () => {
    renderPage();
    const rows = await registryRows();
    const cells = (row: HTMLElement) =>
      Array.from(
        row.querySelectorAll(
          '[role="columnheader"], [role="rowheader"], [role="gridcell"]',
        ),
      ).map(cell => cell.textContent);
    expect(rows.map(cells)).toEqual([
      ['Namespace', 'Tier', 'Spark Units', 'Cores', 'Memory', 'Last changed'],
      [
        expect.stringMatching(/^ingestion-dedicated/),
        'dedicated',
        '8',
        '32',
        '128 GiB',
        expect.stringMatching(/^ada\d{1,2} Nov 2026, \d\d:\d\d$/),
      ],
      [
        expect.stringMatching(/^ingestion-vcore-hours/),
        'vcore-hours',
        '8',
        '32',
        '128 GiB',
        'Initial allocation',
      ],
      [
        expect.stringMatching(/^ingestion-draft/),
        'draft',
        '2',
        '8',
        '32 GiB',
        'Initial allocation',
      ],
      [
        'TotalIngestion Units: the sum of Spark Units',
        '',
        '18',
        '72',
        '288 GiB',
        '',
      ],
    ]);
    expect(screen.getByTestId('total-ingestion-units')).toHaveTextContent(
      '18units',
    );
    expect(screen.getByText('Read-only')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Change Spark Units/ }),
    ).toBeNull();
  });

  it('lets a platform admin change a namespace’s Spark Units', async () => {
    const api = asAdmin();
    const after = registry();
    after.namespaces[1] = {
      ...after.namespaces[1],
      sparkUnits: 10,
      cores: 40,
      memoryGiB: 160,
      updatedAt: '2026-11-27T10:00:00.000Z',
      updatedBy: 'user:default/ada',
    };
    after.totalIngestionUnits = 20;
    api.setSparkUnits.mockResolvedValue(after);
    const { user, toast } = renderPage(api);

    await registryRows();
    expect(screen.queryByText('Read-only')).toBeNull();
    api.getRegistry.mockResolvedValue(after);
    await user.click(
      screen.getByRole('button', {
        name: 'Change Spark Units of ingestion-vcore-hours',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    const input = within(dialog).getByRole('textbox', { name: 'Spark Units' });
    await user.clear(input);
    await user.type(input, '10');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.setSparkUnits).toHaveBeenCalledWith('vcore-hours', 10);
    expect(toast.getToasts()).toEqual([
      expect.objectContaining({
        title: 'Saved Spark Units of ingestion-vcore-hours',
        description: 'The platform now has 20 Ingestion Units.',
      }),
    ]);
    await waitFor(() =>
      expect(screen.getByTestId('total-ingestion-units')).toHaveTextContent(
        '20units',
      ),
    );
  });

  it('shows the server’s refusal and keeps the dialog open', async () => {
    const message =
      'Cannot reduce the dedicated namespace to 2 Spark Units: 4 Dedicated Ingestion Units are sold and still valid';
    const api = asAdmin();
    api.setSparkUnits.mockImplementation(async () => {
      throw await responseError(409, 'Conflict', 'ConflictError', message);
    });
    const { user } = renderPage(api);
    await registryRows();
    await user.click(
      screen.getByRole('button', {
        name: 'Change Spark Units of ingestion-dedicated',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    const input = within(dialog).getByRole('textbox', { name: 'Spark Units' });
    await user.clear(input);
    await user.type(input, '2{Enter}');

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The change was refused');
    expect(alert).toHaveTextContent(message);
    expect(api.setSparkUnits).toHaveBeenCalledWith('dedicated', 2);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('loads the registry again when the backend signals a registry change', async () => {
    const api = mockIngestionApi();
    const { signals } = renderPage(api);
    await registryRows();
    api.getRegistry.mockResolvedValue(registry({ totalIngestionUnits: 30 }));

    act(() => {
      signals.push('ingestion:capacity', {
        kind: 'balance',
        tenant: 'group:default/team-orion',
      });
    });
    expect(api.getRegistry).toHaveBeenCalledTimes(1);
    act(() => {
      signals.push('ingestion:capacity', { kind: 'registry' });
    });
    await waitFor(() =>
      expect(screen.getByTestId('total-ingestion-units')).toHaveTextContent(
        '30units',
      ),
    );
  });

  it('shows the slice calendar of every namespace below the registry', async () => {
    const api = mockIngestionApi();
    renderPage(api);
    await registryRows();

    expect(await screen.findByText('Slice calendar')).toBeInTheDocument();
    for (const namespace of [
      'ingestion-dedicated',
      'ingestion-vcore-hours',
      'ingestion-draft',
    ]) {
      expect(
        within(screen.getByRole('group', { name: 'Slice heatmap' })).getByText(
          namespace,
        ),
      ).toBeInTheDocument();
    }
    expect(api.getHeatmap).toHaveBeenCalledWith('vcore-hours', 24);
  });

  it('shows platform admins utilisation now and lending with each reclaim against the 30-second target, live', async () => {
    const api = asAdmin();
    const { signals } = renderPage(api);
    expect(await screen.findByText('Utilisation now')).toBeInTheDocument();
    expect(
      screen.getByRole('meter', {
        name: 'ingestion-dedicated: used and lent of its cores',
      }),
    ).toHaveAttribute('aria-valuenow', '31');
    expect(
      screen.getByText(
        /^Lending since \d\d:\d\d: 94% idle, 8 cores lent, 22 cores more lendable\.$/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        '1 loan, 1 reclaim (1 run preempted); slowest reclaim 3.4 s, all within 30 s',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('figure', {
        name: 'Reclaim times against the 30-second target: slowest 3.4 s',
      }),
    ).toBeInTheDocument();
    expect(api.getLendingEvents).toHaveBeenCalledWith(24);

    api.getCapacityUtilisation.mockResolvedValue(
      capacityUtilisation({
        lending: false,
        idleSince: undefined,
        idleShare: 0.1,
        lent: { cores: 0, memoryMiB: 0 },
      }),
    );
    act(() => {
      signals.push('ingestion:capacity', { kind: 'utilisation' });
    });
    expect(
      await screen.findByText(
        'Not lending: 10% idle; it lends after more than 20% idle for more than 5 min.',
      ),
    ).toBeInTheDocument();
  });

  it('shows utilisation and lending to platform admins only', async () => {
    const api = mockIngestionApi();
    renderPage(api);
    await registryRows();
    expect(screen.queryByText('Utilisation now')).not.toBeInTheDocument();
    expect(api.getCapacityUtilisation).not.toHaveBeenCalled();
  });
});
