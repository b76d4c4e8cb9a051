import {
  PurchaseRequest,
  UnitType,
  ValidityPeriod,
} from '@internal/backstage-plugin-ingestion-common';
import { formatNumber } from '../../lib/format';

/** The purchase form as typed: the quantity is still text. */
export interface PurchaseFormValues {
  unitType?: UnitType;
  quantity: string;
  period?: ValidityPeriod;
}

/** One message per field that is wrong. */
export type PurchaseFormErrors = Partial<
  Record<keyof PurchaseFormValues, string>
>;

/** Upper bounds that catch an extra zero, as the backend applies them. */
const MAX_QUANTITY: Record<UnitType, number> = {
  'dedicated-units': 10_000,
  'vcpu-hours': 10_000_000,
};

/**
 * Checks the form field by field, as the backend will, so that a bad field is named before anything is sent.
 * Returns the request when every field is valid.
 */
export function validatePurchaseForm(
  values: PurchaseFormValues,
):
  | { request: PurchaseRequest; errors?: undefined }
  | { errors: PurchaseFormErrors } {
  const errors: PurchaseFormErrors = {};
  const { unitType, period } = values;
  if (!unitType) errors.unitType = 'Choose what to buy';
  if (!period) errors.period = 'Choose how long the purchase is valid';

  const text = values.quantity.trim();
  const quantity = Number(text);
  if (text === '') {
    errors.quantity = 'Enter a quantity';
  } else if (
    !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ||
    !Number.isFinite(quantity)
  ) {
    errors.quantity = 'Quantity must be a number, such as 100 or 12.5';
  } else if (quantity <= 0) {
    errors.quantity = 'Quantity must be greater than 0';
  } else if (unitType === 'dedicated-units' && !Number.isInteger(quantity)) {
    errors.quantity = 'Dedicated Ingestion Units come in whole numbers';
  } else if (unitType && quantity > MAX_QUANTITY[unitType]) {
    errors.quantity = `Quantity must be at most ${formatNumber(
      MAX_QUANTITY[unitType],
      0,
    )}`;
  }

  if (Object.keys(errors).length > 0 || !unitType || !period) {
    return { errors };
  }
  return { request: { unitType, quantity, period } };
}
