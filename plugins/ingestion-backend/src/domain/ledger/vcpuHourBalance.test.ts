import { HOUR_MS, LedgerFact } from './ledgerFacts';
import {
  consumptionRatePerHour,
  estimateDepletion,
  replayVcpuHourWallet,
  vcpuHourWalletAt,
} from './vcpuHourBalance';

const DAY = 24 * HOUR_MS;
const purchase = (hours: number, from: number, until: number): LedgerFact => ({
  kind: 'purchase',
  unitType: 'vcpu-hours',
  quantity: hours,
  occurredAt: from,
  validFrom: from,
  validUntil: until,
});
const debit = (hours: number, at: number): LedgerFact => ({
  kind: 'run-debit',
  unitType: 'vcpu-hours',
  quantity: -hours,
  occurredAt: at,
});

describe('vCPU-hour wallet', () => {
  it('derives the balance from purchases and debits', () => {
    const wallet = vcpuHourWalletAt(
      [
        purchase(100, 0, 30 * DAY),
        debit(12.5, HOUR_MS),
        debit(7.5, 2 * HOUR_MS),
      ],
      3 * HOUR_MS,
    );
    expect(wallet).toMatchObject({
      purchasedHours: 100,
      remainingHours: 80,
      overdraftHours: 0,
    });
  });

  it('stops counting unspent hours when their validity ends', () => {
    const facts = [
      purchase(10, 0, DAY),
      purchase(50, 0, 30 * DAY),
      debit(4, HOUR_MS),
    ];
    expect(vcpuHourWalletAt(facts, 2 * HOUR_MS).remainingHours).toBe(56);
    // The debit drew from the daily purchase first (it expires first); its 6 unspent hours lapse with it.
    expect(vcpuHourWalletAt(facts, DAY + 1)).toMatchObject({
      purchasedHours: 50,
      remainingHours: 50,
    });
  });

  it('does not count a purchase before its validity starts', () => {
    const facts = [purchase(40, 5 * DAY, 6 * DAY)];
    expect(vcpuHourWalletAt(facts, DAY).remainingHours).toBe(0);
    expect(vcpuHourWalletAt(facts, 5 * DAY).remainingHours).toBe(40);
  });

  it('carries a debit beyond the balance as overdraft, paid by the next purchase', () => {
    const facts = [
      purchase(5, 0, DAY),
      debit(8, HOUR_MS),
      purchase(20, 2 * HOUR_MS, 2 * DAY),
    ];
    expect(vcpuHourWalletAt(facts, 90 * 60_000)).toMatchObject({
      remainingHours: -3,
      overdraftHours: 3,
    });
    expect(vcpuHourWalletAt(facts, 3 * HOUR_MS)).toMatchObject({
      remainingHours: 17,
      overdraftHours: 0,
    });
  });

  it('ignores expiry entries, which only record what validity already implies', () => {
    const expiry: LedgerFact = {
      kind: 'expiry',
      unitType: 'vcpu-hours',
      quantity: -10,
      occurredAt: DAY,
    };
    expect(
      vcpuHourWalletAt([purchase(10, 0, DAY), expiry], DAY + 1).remainingHours,
    ).toBe(0);
  });

  it('replays a history with one point per event for charts', () => {
    const states = replayVcpuHourWallet(
      [purchase(10, 0, DAY), debit(4, HOUR_MS)],
      2 * DAY,
    );
    expect(states.map(s => [s.at, s.remainingHours])).toEqual([
      [0, 10],
      [HOUR_MS, 6],
      [DAY, 0],
      [2 * DAY, 0],
    ]);
  });

  it('measures the consumption rate over the last day and projects depletion', () => {
    const now = 10 * DAY;
    const facts = [
      purchase(1000, 0, 30 * DAY),
      debit(48, now - 2 * HOUR_MS),
      debit(100, now - 2 * DAY),
    ];
    const rate = consumptionRatePerHour(facts, now);
    expect(rate).toBe(2);
    expect(estimateDepletion(10, rate, now)).toBe(now + 5 * HOUR_MS);
    expect(estimateDepletion(10, 0, now)).toBeUndefined();
  });

  it('projects no depletion past a century, where a date would leave the calendar', () => {
    const now = Date.UTC(2026, 11, 3);
    expect(estimateDepletion(1e12, 1e-3, now)).toBeUndefined();
    expect(estimateDepletion(24 * 365 * 99, 1, now)).toBe(
      now + 24 * 365 * 99 * HOUR_MS,
    );
  });
});
