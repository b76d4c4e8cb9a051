import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiClient } from '@internal/backstage-plugin-ingestion-common';
import { ingestionApiRef } from '../../api';
import {
  LYRA,
  mockIngestionApi,
  responseError,
} from '../../testing/mockIngestionApi';
import { ApiClientsCard } from './ApiClientsCard';

const lyraEtl: ApiClient = {
  clientId: 'lyra-etl',
  tenant: LYRA,
  scopes: ['ingestion.read', 'ingestion.write'],
  description: 'Nightly loads',
  registeredBy: 'user:default/ada',
  registeredAt: '2026-12-01T08:00:00.000Z',
};
const retired: ApiClient = {
  ...lyraEtl,
  clientId: 'lyra-old',
  scopes: ['ingestion.read'],
  revokedBy: 'user:default/ada',
  revokedAt: '2026-12-02T08:00:00.000Z',
};

function renderCard(api = mockIngestionApi()) {
  renderInTestApp(<ApiClientsCard />, { apis: [[ingestionApiRef, api]] });
  return { api, user: userEvent.setup() };
}

describe('ApiClientsCard', () => {
  it('lists clients with tenant and scopes, and revokes an active one', async () => {
    const api = mockIngestionApi({
      listApiClients: jest
        .fn()
        .mockResolvedValueOnce([lyraEtl, retired])
        .mockResolvedValue([
          { ...lyraEtl, revokedAt: retired.revokedAt },
          retired,
        ]),
      revokeApiClient: jest.fn(async () => ({
        ...lyraEtl,
        revokedAt: retired.revokedAt,
      })),
    });
    const { user } = renderCard(api);
    const table = await screen.findByRole('grid');
    const row = within(table).getByRole('row', { name: /lyra-etl/ });
    expect(row).toHaveTextContent('team-lyra');
    expect(row).toHaveTextContent('ingestion.read, ingestion.write');
    expect(
      within(table).getByRole('row', { name: /lyra-old/ }),
    ).toHaveTextContent('Revoked');
    expect(
      screen.queryByRole('button', { name: 'Revoke lyra-old' }),
    ).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Revoke lyra-etl' }));
    expect(api.revokeApiClient).toHaveBeenCalledWith('lyra-etl');
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: 'Revoke lyra-etl' }),
      ).toBeNull(),
    );
  });

  it('registers a client with the chosen scopes, and shows the server’s reason when refused', async () => {
    const api = mockIngestionApi({
      registerApiClient: jest
        .fn()
        .mockRejectedValueOnce(
          await responseError(
            400,
            'Bad Request',
            'InputError',
            'tenant group:default/book-club is not a tenant',
          ),
        )
        .mockResolvedValue(lyraEtl),
    });
    const { user } = renderCard(api);
    await screen.findByRole('grid');
    await user.type(
      screen.getByRole('textbox', { name: 'Client id' }),
      'lyra-etl',
    );
    await user.type(
      screen.getByRole('textbox', { name: /Tenant/ }),
      'group:default/book-club',
    );
    await user.click(screen.getByRole('checkbox', { name: 'ingestion.write' }));
    await user.click(screen.getByRole('button', { name: 'Register client' }));
    expect(
      await screen.findByText('tenant group:default/book-club is not a tenant'),
    ).toBeInTheDocument();
    expect(api.registerApiClient).toHaveBeenLastCalledWith({
      clientId: 'lyra-etl',
      tenant: 'group:default/book-club',
      description: '',
      scopes: ['ingestion.read', 'ingestion.write'],
    });

    const tenant = screen.getByRole('textbox', { name: /Tenant/ });
    await user.clear(tenant);
    await user.type(tenant, LYRA);
    await user.click(screen.getByRole('button', { name: 'Register client' }));
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Client id' })).toHaveValue(
        '',
      ),
    );
    expect(api.listApiClients).toHaveBeenCalledTimes(2);
  });
});
