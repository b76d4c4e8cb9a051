import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ingestionApiRef } from '../../api';
import {
  mockIngestionApi,
  ORION,
  responseError,
} from '../../testing/mockIngestionApi';
import { PurchaseForm } from './PurchaseForm';

const purchase = {
  id: 'p9',
  tenant: ORION,
  unitType: 'vcpu-hours' as const,
  quantity: 100,
  period: 'monthly' as const,
  validFrom: '2026-11-27T10:00:00.000Z',
  validUntil: '2026-12-27T10:00:00.000Z',
  purchasedBy: 'user:default/guest',
  purchasedAt: '2026-11-27T10:00:00.000Z',
};

function renderForm(api = mockIngestionApi()) {
  const onPurchased = jest.fn();
  const toast = mockApis.toast();
  renderInTestApp(
    <PurchaseForm
      tenant={ORION}
      sparkUnitSize={{ cores: 4, memoryGiB: 16 }}
      onPurchased={onPurchased}
    />,
    { apis: [[ingestionApiRef, api], toast] },
  );
  return { api, onPurchased, toast, user: userEvent.setup() };
}

describe('PurchaseForm', () => {
  it('names the bad field and sends nothing when the quantity is not greater than 0', async () => {
    const { api, user } = renderForm();
    const quantity = screen.getByRole('textbox', { name: /Quantity/ });
    await user.type(quantity, '0');
    await user.click(screen.getByRole('button', { name: 'Review purchase' }));

    expect(
      await screen.findByText('Quantity must be greater than 0'),
    ).toBeInTheDocument();
    expect(quantity).toHaveAttribute('aria-invalid', 'true');
    expect(quantity).toHaveAccessibleDescription(
      expect.stringContaining('Quantity must be greater than 0'),
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.purchase).not.toHaveBeenCalled();
  });

  it('asks for whole Dedicated Ingestion Units', async () => {
    const { api, user } = renderForm();
    await user.click(
      screen.getByRole('radio', { name: /Dedicated Ingestion Units/ }),
    );
    await user.type(screen.getByRole('textbox', { name: /Quantity/ }), '1.5');
    await user.click(screen.getByRole('button', { name: 'Review purchase' }));

    expect(
      await screen.findByText(
        'Dedicated Ingestion Units come in whole numbers',
      ),
    ).toBeInTheDocument();
    expect(api.purchase).not.toHaveBeenCalled();
  });

  it('buys only after the confirmation, with the request the form describes', async () => {
    const api = mockIngestionApi({ purchase: jest.fn(async () => purchase) });
    const { onPurchased, toast, user } = renderForm(api);
    await user.type(screen.getByRole('textbox', { name: /Quantity/ }), '100');
    await user.click(screen.getByRole('radio', { name: '1 month' }));
    await user.click(screen.getByRole('button', { name: 'Review purchase' }));

    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        /^Buy 100 vCPU-hours valid for a month, until .+\?$/,
      ),
    ).toBeInTheDocument();
    expect(api.purchase).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole('button', { name: 'Buy' }));

    await waitFor(() => expect(onPurchased).toHaveBeenCalledWith(purchase));
    expect(api.purchase).toHaveBeenCalledTimes(1);
    expect(api.purchase).toHaveBeenCalledWith(
      ORION,
      { unitType: 'vcpu-hours', quantity: 100, period: 'monthly' },
      { idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    );
    expect(screen.getByText('Bought 100 vCPU-hours')).toBeInTheDocument();
    expect(toast.getToasts()).toEqual([
      expect.objectContaining({
        title: 'Bought 100 vCPU-hours',
        status: 'success',
      }),
    ]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Quantity/ })).toHaveValue('');
  });

  it('confirms the same purchase again after an error with the same Idempotency-Key, and a new one after a success', async () => {
    let answer: 'lost' | 'bought' = 'lost';
    const api = mockIngestionApi({
      purchase: jest.fn(async () => {
        if (answer === 'lost') throw new TypeError('Failed to fetch');
        return purchase;
      }),
    });
    const { onPurchased, user } = renderForm(api);
    const buy = async () => {
      await user.click(screen.getByRole('button', { name: 'Review purchase' }));
      await user.click(
        within(await screen.findByRole('dialog')).getByRole('button', {
          name: 'Buy',
        }),
      );
    };
    await user.type(screen.getByRole('textbox', { name: /Quantity/ }), '100');
    await buy();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The purchase was refused',
    );
    answer = 'bought';
    await buy();
    await waitFor(() => expect(onPurchased).toHaveBeenCalledTimes(1));
    await user.type(screen.getByRole('textbox', { name: /Quantity/ }), '100');
    await buy();
    await waitFor(() => expect(onPurchased).toHaveBeenCalledTimes(2));

    const keys = (api.purchase as jest.Mock).mock.calls.map(
      call => call[2].idempotencyKey,
    );
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[1]);
  });

  it('sends nothing when the confirmation is cancelled', async () => {
    const { api, user } = renderForm();
    await user.type(screen.getByRole('textbox', { name: /Quantity/ }), '5');
    await user.click(screen.getByRole('button', { name: 'Review purchase' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.purchase).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal word for word', async () => {
    const message =
      'Only 4 Dedicated Ingestion Units are free for this period (4 of 8 Spark Units in the dedicated namespace are already sold); buy fewer units, another period, or vCPU-hours';
    const api = mockIngestionApi({
      purchase: jest.fn(async () => {
        throw await responseError(409, 'Conflict', 'ConflictError', message);
      }),
    });
    const { onPurchased, user } = renderForm(api);
    await user.click(
      screen.getByRole('radio', { name: /Dedicated Ingestion Units/ }),
    );
    await user.type(screen.getByRole('textbox', { name: /Quantity/ }), '6');
    await user.click(screen.getByRole('button', { name: 'Review purchase' }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Buy',
      }),
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The purchase was refused');
    expect(alert).toHaveTextContent(message);
    expect(api.purchase).toHaveBeenCalledWith(
      ORION,
      { unitType: 'dedicated-units', quantity: 6, period: 'monthly' },
      { idempotencyKey: expect.any(String) },
    );
    expect(onPurchased).not.toHaveBeenCalled();
  });
});
