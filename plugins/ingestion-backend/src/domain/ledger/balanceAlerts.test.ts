import { BalanceAlertId, decideBalanceAlerts } from './balanceAlerts';

const fired = (...ids: BalanceAlertId[]) => new Set(ids);

describe('decideBalanceAlerts', () => {
  it('fires the 20% alert once when the balance crosses it', () => {
    const wallet = { purchasedHours: 100, remainingHours: 19, hasBought: true };
    expect(decideBalanceAlerts(wallet, fired())).toEqual([
      { id: 'low-20', action: 'fire', notify: true },
    ]);
    expect(decideBalanceAlerts(wallet, fired('low-20'))).toEqual([]);
    expect(
      decideBalanceAlerts({ ...wallet, remainingHours: 20.5 }, fired()),
    ).toEqual([]);
  });

  it('re-arms an alert when a purchase lifts the balance above its threshold', () => {
    const wallet = {
      purchasedHours: 300,
      remainingHours: 219,
      hasBought: true,
    };
    expect(decideBalanceAlerts(wallet, fired('low-20', 'exhausted'))).toEqual([
      { id: 'low-20', action: 'rearm', notify: false },
      { id: 'exhausted', action: 'rearm', notify: false },
    ]);
  });

  it('tells a tenant that drops straight to zero only that it is exhausted', () => {
    const wallet = { purchasedHours: 100, remainingHours: 0, hasBought: true };
    expect(decideBalanceAlerts(wallet, fired())).toEqual([
      { id: 'low-20', action: 'fire', notify: false },
      { id: 'exhausted', action: 'fire', notify: true },
    ]);
  });

  it('treats a wallet whose purchases all lapsed as exhausted, and a never-used one as nothing', () => {
    expect(
      decideBalanceAlerts(
        { purchasedHours: 0, remainingHours: 0, hasBought: true },
        fired('low-20'),
      ),
    ).toEqual([
      { id: 'low-20', action: 'rearm', notify: false },
      { id: 'exhausted', action: 'fire', notify: true },
    ]);
    expect(
      decideBalanceAlerts(
        { purchasedHours: 0, remainingHours: 0, hasBought: false },
        fired(),
      ),
    ).toEqual([]);
  });
});
