import { validatePurchaseForm } from './validatePurchaseForm';

describe('validatePurchaseForm', () => {
  it('turns a valid form into a purchase request', () => {
    expect(
      validatePurchaseForm({
        unitType: 'vcpu-hours',
        quantity: ' 12.5 ',
        period: 'monthly',
      }),
    ).toEqual({
      request: { unitType: 'vcpu-hours', quantity: 12.5, period: 'monthly' },
    });
  });

  it.each([
    ['', 'Enter a quantity'],
    ['abc', 'Quantity must be a number, such as 100 or 12.5'],
    ['1e3', 'Quantity must be a number, such as 100 or 12.5'],
    ['0', 'Quantity must be greater than 0'],
    ['-4', 'Quantity must be greater than 0'],
    ['10000001', 'Quantity must be at most 10,000,000'],
  ])('names the quantity when it is %j', (quantity, message) => {
    expect(
      validatePurchaseForm({
        unitType: 'vcpu-hours',
        quantity,
        period: 'daily',
      }),
    ).toEqual({ errors: { quantity: message } });
  });

  it('wants whole Dedicated Ingestion Units but allows fractional vCPU-hours', () => {
    expect(
      validatePurchaseForm({
        unitType: 'dedicated-units',
        quantity: '1.5',
        period: 'yearly',
      }),
    ).toEqual({
      errors: { quantity: 'Dedicated Ingestion Units come in whole numbers' },
    });
    expect(
      validatePurchaseForm({
        unitType: 'dedicated-units',
        quantity: '2',
        period: 'yearly',
      }),
    ).toEqual({
      request: { unitType: 'dedicated-units', quantity: 2, period: 'yearly' },
    });
  });

  it('names every missing choice at once', () => {
    expect(validatePurchaseForm({ quantity: '5' })).toEqual({
      errors: {
        unitType: 'Choose what to buy',
        period: 'Choose how long the purchase is valid',
      },
    });
  });
});
