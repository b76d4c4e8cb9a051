import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ingestionApiRef } from '../../api';
import {
  LYRA,
  mockIngestionApi,
  mockSignalApi,
  ORION,
  tenantCapacity,
} from '../../testing/mockIngestionApi';
import { CapacityPage } from './CapacityPage';

/** Renders synchronously, so that the first `findBy…` waits (inside act) for the mocks to resolve. */
function renderPage(
  api = mockIngestionApi(),
  purchase:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const signals = mockSignalApi();
  renderInTestApp(<CapacityPage />, {
    apis: [
      [ingestionApiRef, api],
      [signalApiRef, signals.api],
      [permissionApiRef, mockApis.permission({ authorize: purchase })],
    ],
  });
  return { api, signals };
}

describe('CapacityPage', () => {
  it('offers the purchase form only to those the server lets buy, and tells the others whom to ask', async () => {
    renderPage(mockIngestionApi(), AuthorizeResult.DENY);
    expect(await screen.findByTestId('purchase-not-allowed')).toHaveTextContent(
      'Only the tenant admins of team-orion buy capacity for it. Ask one of them, or a platform admin.',
    );
    expect(
      screen.queryByRole('button', { name: 'Review purchase' }),
    ).not.toBeInTheDocument();
  });

  it('shows the tenant’s units, balance, consumption and purchases from the API', async () => {
    const { api } = renderPage();

    const balance = await screen.findByTestId('vcpu-hour-balance');
    expect(balance).toHaveTextContent('742.5');
    expect(balance).toHaveTextContent('of 1,000 vCPU-hours left');
    expect(within(balance).getByRole('meter')).toHaveAttribute(
      'aria-valuenow',
      '74',
    );
    expect(screen.getByTestId('dedicated-units')).toHaveTextContent(
      '4units held now16 cores and 64 GiB reserved for your jobs alone',
    );
    expect(screen.getByTestId('consumption')).toHaveTextContent(
      '2.5vCPU-hours per hour',
    );
    expect(screen.getByTestId('depletion')).toHaveTextContent(
      /^Runs out on \d{1,2} \w{3}( \d{4})? at the current rate \(in 12 days\)\.$/,
    );
    expect(screen.getByTestId('current-tenant')).toHaveTextContent(
      'Tenant team-orion',
    );

    const rows = screen.getAllByRole('row');
    // Header, then newest purchase first.
    expect(rows[1]).toHaveTextContent('1,000 vCPU-hours');
    expect(rows[1]).toHaveTextContent('orla');
    expect(rows[1]).toHaveTextContent('1 month · Active');
    expect(rows[2]).toHaveTextContent('4 Dedicated Ingestion Units');
    expect(rows[2]).toHaveTextContent('guest');
    expect(api.getTenantCapacity).toHaveBeenCalledWith(ORION);
    expect(api.getBalanceHistory).toHaveBeenCalledWith(ORION, 7);
  });

  it('loads again when the backend signals a balance change of this tenant, and only then', async () => {
    const api = mockIngestionApi();
    const { signals } = renderPage(api);
    await screen.findByTestId('vcpu-hour-balance');
    expect(api.getTenantCapacity).toHaveBeenCalledTimes(1);

    const later = tenantCapacity(ORION);
    later.vcpuHours = {
      ...later.vcpuHours,
      purchasedHours: 1100,
      remainingHours: 842.5,
      remainingFraction: 842.5 / 1100,
    };
    api.getTenantCapacity.mockResolvedValue(later);

    act(() => {
      signals.push('ingestion:capacity', { kind: 'balance', tenant: LYRA });
      signals.push('ingestion:capacity', { kind: 'registry' });
    });
    expect(api.getTenantCapacity).toHaveBeenCalledTimes(1);

    act(() => {
      signals.push('ingestion:capacity', { kind: 'balance', tenant: ORION });
    });
    await waitFor(() =>
      expect(screen.getByTestId('vcpu-hour-balance')).toHaveTextContent(
        '842.5of 1,100 vCPU-hours left',
      ),
    );
    expect(api.getTenantCapacity).toHaveBeenCalledTimes(2);
  });

  it('lets a member of several tenants pick which one to show', async () => {
    const api = mockIngestionApi({
      whoami: jest.fn(async () => ({
        principal: 'user:default/ada',
        tenants: [LYRA, ORION],
        platformAdmin: false,
      })),
    });
    renderPage(api);
    await screen.findByTestId('vcpu-hour-balance');
    expect(api.getTenantCapacity).toHaveBeenLastCalledWith(LYRA);

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /Tenant/ }));
    await user.click(await screen.findByRole('option', { name: 'team-orion' }));

    await waitFor(() =>
      expect(api.getTenantCapacity).toHaveBeenLastCalledWith(ORION),
    );
  });

  it('tells a platform admin without a tenant why there is nothing to show', async () => {
    const api = mockIngestionApi({
      whoami: jest.fn(async () => ({
        principal: 'user:default/ada',
        tenants: [],
        platformAdmin: true,
      })),
    });
    renderPage(api);
    expect(
      await screen.findByText(
        'You administer the platform but belong to no tenant',
      ),
    ).toBeInTheDocument();
    expect(api.getTenantCapacity).not.toHaveBeenCalled();
  });

  it('says when vCPU-hours are not being consumed', async () => {
    const idle = tenantCapacity(ORION);
    idle.vcpuHours = {
      ...idle.vcpuHours,
      consumptionRatePerHour: 0,
      estimatedDepletionAt: undefined,
    };
    renderPage(
      mockIngestionApi({ getTenantCapacity: jest.fn(async () => idle) }),
    );
    expect(await screen.findByTestId('depletion')).toHaveTextContent(
      'Not being consumed: no vCPU-hours used in the last 24 hours.',
    );
  });
});
