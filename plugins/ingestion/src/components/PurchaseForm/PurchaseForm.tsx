import { coreApis, useApi } from '@backstage/frontend-plugin-api';
import {
  Purchase,
  PurchaseRequest,
  SparkUnitSize,
  UnitType,
  ValidityPeriod,
} from '@internal/backstage-plugin-ingestion-common';
import {
  Alert,
  Button,
  Flex,
  Radio,
  RadioGroup,
  Text,
  TextField,
} from '@backstage/ui';
import { FormEvent, useState } from 'react';
import { ingestionApiRef } from '../../api';
import { serverMessage } from '../../lib/errors';
import {
  formatDateTime,
  formatEntityRef,
  formatGiB,
  formatQuantity,
  PERIOD_LABELS,
} from '../../lib/format';
import { PurchaseConfirmDialog } from '../PurchaseConfirmDialog';
import {
  PurchaseFormErrors,
  PurchaseFormValues,
  validatePurchaseForm,
} from './validatePurchaseForm';

const INITIAL: PurchaseFormValues = {
  unitType: 'vcpu-hours',
  quantity: '',
  period: 'monthly',
};

type Outcome = {
  status: 'success' | 'danger';
  title: string;
  description: string;
};

/**
 * Buys capacity for a tenant: the fields are checked here first (one message per bad field, nothing sent),
 * then a dialog asks to confirm, then the server's answer is shown as it gave it.
 *
 * Each purchase carries an Idempotency-Key, kept until it is known to have succeeded: confirming the same
 * purchase again after an error whose answer was lost buys it once, never twice.
 */
export const PurchaseForm = (props: {
  tenant: string;
  sparkUnitSize?: SparkUnitSize;
  onPurchased(purchase: Purchase): void;
}) => {
  const { tenant, sparkUnitSize, onPurchased } = props;
  const api = useApi(ingestionApiRef);
  const toastApi = useApi(coreApis.toast);
  const [values, setValues] = useState<PurchaseFormValues>(INITIAL);
  const [errors, setErrors] = useState<PurchaseFormErrors>({});
  const [toConfirm, setToConfirm] = useState<{
    request: PurchaseRequest;
    at: number;
    idempotencyKey: string;
  }>();
  const [unconfirmed, setUnconfirmed] = useState<{
    request: string;
    idempotencyKey: string;
  }>();
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const change = (patch: Partial<PurchaseFormValues>) => {
    setValues(current => ({ ...current, ...patch }));
    setErrors(current => {
      const next = { ...current };
      for (const key of Object.keys(patch) as (keyof PurchaseFormValues)[]) {
        delete next[key];
      }
      // A unit type change can make a quantity valid or not.
      if (patch.unitType) delete next.quantity;
      return next;
    });
    setOutcome(undefined);
  };

  const review = (event: FormEvent) => {
    event.preventDefault();
    const result = validatePurchaseForm(values);
    if (result.errors) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setOutcome(undefined);
    const request = JSON.stringify(result.request);
    const idempotencyKey =
      unconfirmed?.request === request
        ? unconfirmed.idempotencyKey
        : globalThis.crypto.randomUUID();
    setUnconfirmed({ request, idempotencyKey });
    setToConfirm({ request: result.request, at: Date.now(), idempotencyKey });
  };

  const confirm = async () => {
    if (!toConfirm) return;
    setSending(true);
    try {
      const purchase = await api.purchase(tenant, toConfirm.request, {
        idempotencyKey: toConfirm.idempotencyKey,
      });
      setUnconfirmed(undefined);
      const title = `Bought ${formatQuantity(
        purchase.unitType,
        purchase.quantity,
      )}`;
      const description = `Valid until ${formatDateTime(
        purchase.validUntil,
      )} for ${formatEntityRef(tenant)}.`;
      setOutcome({ status: 'success', title, description });
      toastApi.post({ title, description, status: 'success', timeout: 6000 });
      setValues(current => ({ ...current, quantity: '' }));
      onPurchased(purchase);
    } catch (error) {
      setOutcome({
        status: 'danger',
        title: 'The purchase was refused',
        description: serverMessage(error),
      });
    } finally {
      setSending(false);
      setToConfirm(undefined);
    }
  };

  const unitHelp =
    values.unitType === 'dedicated-units'
      ? `Whole units; each reserves one Spark Unit${
          sparkUnitSize
            ? ` (${sparkUnitSize.cores} cores, ${formatGiB(
                sparkUnitSize.memoryGiB,
              )})`
            : ''
        }.`
      : 'One vCPU-hour is one core for one hour, e.g. 500.';

  return (
    <form onSubmit={review} noValidate aria-label="Buy capacity">
      <Flex direction="column" gap="4">
        <RadioGroup
          label="What to buy"
          value={values.unitType ?? null}
          onChange={value => change({ unitType: value as UnitType })}
          validationBehavior="aria"
          validate={() => errors.unitType ?? null}
        >
          <Radio value="vcpu-hours">
            vCPU-hours: a prepaid balance for the shared pool
          </Radio>
          <Radio value="dedicated-units">
            Dedicated Ingestion Units: Spark Units reserved for you
          </Radio>
        </RadioGroup>
        <TextField
          label="Quantity"
          name="quantity"
          inputMode="decimal"
          description={unitHelp}
          value={values.quantity}
          onChange={quantity => change({ quantity })}
          validationBehavior="aria"
          validate={() => errors.quantity ?? null}
          isRequired
        />
        <RadioGroup
          label="Valid for"
          orientation="horizontal"
          value={values.period ?? null}
          onChange={value => change({ period: value as ValidityPeriod })}
          validationBehavior="aria"
          validate={() => errors.period ?? null}
        >
          {(Object.keys(PERIOD_LABELS) as ValidityPeriod[]).map(period => (
            <Radio key={period} value={period}>
              {PERIOD_LABELS[period]}
            </Radio>
          ))}
        </RadioGroup>
        <Flex align="center" gap="3">
          <Button type="submit" variant="primary">
            Review purchase
          </Button>
          <Text variant="body-small" color="secondary">
            Nothing is bought until you confirm.
          </Text>
        </Flex>
        {outcome && (
          <Alert
            status={outcome.status}
            icon
            title={outcome.title}
            description={outcome.description}
            role={outcome.status === 'danger' ? 'alert' : 'status'}
          />
        )}
      </Flex>
      <PurchaseConfirmDialog
        request={toConfirm?.request}
        now={toConfirm?.at ?? 0}
        tenant={tenant}
        pending={sending}
        onConfirm={confirm}
        onCancel={() => setToConfirm(undefined)}
      />
    </form>
  );
};
