import { InputError } from '@backstage/errors';
import { HOUR_MS } from './ledgerFacts';
import {
  checkDedicatedUnits,
  checkVcpuHours,
  peakConcurrent,
  validatePurchase,
} from './purchaseRules';

const NOW = Date.parse('2026-01-31T10:00:00Z');
const DAY = 24 * HOUR_MS;

describe('validatePurchase', () => {
  it('resolves daily, monthly and yearly validity in calendar terms', () => {
    const monthly = validatePurchase(
      { unitType: 'vcpu-hours', quantity: 100, period: 'monthly' },
      NOW,
    );
    expect(new Date(monthly.validUntil).toISOString()).toBe(
      '2026-02-28T10:00:00.000Z',
    );
    const yearly = validatePurchase(
      { unitType: 'dedicated-units', quantity: 2, period: 'yearly' },
      NOW,
    );
    expect(new Date(yearly.validUntil).toISOString()).toBe(
      '2027-01-31T10:00:00.000Z',
    );
    const daily = validatePurchase(
      {
        unitType: 'vcpu-hours',
        quantity: 1.5,
        period: 'daily',
        validFrom: '2026-02-01T00:00:00Z',
      },
      NOW,
    );
    expect(daily.validUntil - daily.validFrom).toBe(DAY);
  });

  it.each([
    [
      { unitType: 'gpu', quantity: 1, period: 'daily' },
      /unitType must be one of/,
    ],
    [
      { unitType: 'vcpu-hours', quantity: 0, period: 'daily' },
      /quantity must be a number greater than 0/,
    ],
    [
      { unitType: 'vcpu-hours', quantity: -5, period: 'daily' },
      /quantity must be a number greater than 0/,
    ],
    [
      { unitType: 'dedicated-units', quantity: 1.5, period: 'daily' },
      /whole number/,
    ],
    [
      { unitType: 'vcpu-hours', quantity: 5, period: 'weekly' },
      /period must be one of/,
    ],
    [
      {
        unitType: 'vcpu-hours',
        quantity: 5,
        period: 'daily',
        validFrom: 'soon',
      },
      /validFrom must be an ISO 8601/,
    ],
    [
      {
        unitType: 'vcpu-hours',
        quantity: 5,
        period: 'daily',
        validFrom: '2020-01-01T00:00:00Z',
      },
      /must not be in the past/,
    ],
    [
      {
        unitType: 'vcpu-hours',
        quantity: 5,
        period: 'yearly',
        validFrom: '9999-12-01T00:00:00Z',
      },
      /validFrom must be at most 366 days ahead/,
    ],
  ])('refuses %j naming the field', (request, message) => {
    expect(() => validatePurchase(request as any, NOW)).toThrow(InputError);
    expect(() => validatePurchase(request as any, NOW)).toThrow(message);
  });
});

describe('capacity checks', () => {
  it('finds the peak of overlapping claims inside a window', () => {
    const claims = [
      { quantity: 2, validFrom: 0, validUntil: 10 },
      { quantity: 3, validFrom: 5, validUntil: 20 },
      { quantity: 4, validFrom: 15, validUntil: 30 },
    ];
    expect(peakConcurrent(claims, 0, 30)).toBe(7);
    expect(peakConcurrent(claims, 0, 10)).toBe(5);
    expect(peakConcurrent(claims, 21, 40)).toBe(4);
  });

  it('never sells more dedicated units than the dedicated namespace holds', () => {
    const sold = [{ quantity: 6, validFrom: 0, validUntil: 10 * DAY }];
    expect(
      checkDedicatedUnits(
        sold,
        { quantity: 4, validFrom: DAY, validUntil: 2 * DAY },
        10,
      ),
    ).toEqual({ ok: true });
    const refused = checkDedicatedUnits(
      sold,
      { quantity: 5, validFrom: DAY, validUntil: 2 * DAY },
      10,
    );
    expect(refused).toEqual({
      ok: false,
      reason: expect.stringMatching(
        /Only 4 Dedicated Ingestion Units are free/,
      ),
    });
    // Once the earlier purchase has lapsed, its units are free again.
    expect(
      checkDedicatedUnits(
        sold,
        { quantity: 10, validFrom: 10 * DAY, validUntil: 11 * DAY },
        10,
      ),
    ).toEqual({ ok: true });
  });

  it('sells vCPU-hours up to the cores of the vcore-hours namespace over the period', () => {
    // 8 cores for a day = 192 vCPU-hours.
    const day = { validFrom: 0, validUntil: DAY };
    expect(checkVcpuHours([], { quantity: 192, ...day }, 8)).toEqual({
      ok: true,
    });
    const refused = checkVcpuHours(
      [{ quantity: 96, ...day }],
      { quantity: 97, ...day },
      8,
    );
    expect(refused).toEqual({
      ok: false,
      reason: expect.stringMatching(/at most 96 more vCPU-hours/),
    });
    expect(
      checkVcpuHours(
        [{ quantity: 96, ...day }],
        { quantity: 97, ...day },
        8,
        2,
      ),
    ).toEqual({ ok: true });
  });
});
