import { PurchaseRequest } from '@internal/backstage-plugin-ingestion-common';
import {
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  Text,
} from '@backstage/ui';
import {
  formatDateTime,
  formatEntityRef,
  formatQuantity,
  PERIOD_PHRASES,
} from '../../lib/format';
import { validityEnd } from '../../lib/validity';

/** The question asked before buying: what, for whom, for how long, until when. */
export function purchaseQuestion(request: PurchaseRequest, now: number) {
  const until = formatDateTime(validityEnd(now, request.period));
  return `Buy ${formatQuantity(request.unitType, request.quantity)} valid for ${
    PERIOD_PHRASES[request.period]
  }, until ${until}?`;
}

/** Asks to confirm a purchase, summarising it; the purchase is only sent on "Buy". */
export const PurchaseConfirmDialog = (props: {
  request?: PurchaseRequest;
  tenant: string;
  now: number;
  pending: boolean;
  onConfirm(): void;
  onCancel(): void;
}) => {
  const { request, tenant, now, pending, onConfirm, onCancel } = props;
  return (
    <Dialog
      isOpen={request !== undefined}
      onOpenChange={open => {
        if (!open && !pending) onCancel();
      }}
      width={480}
    >
      <DialogHeader>Confirm purchase</DialogHeader>
      <DialogBody>
        {request && (
          <Flex direction="column" gap="3">
            <Text variant="body-large" weight="bold">
              {purchaseQuestion(request, now)}
            </Text>
            <Text variant="body-medium" color="secondary">
              Valid from now for tenant {formatEntityRef(tenant)}.{' '}
              {request.unitType === 'vcpu-hours'
                ? 'Hours not used by then lapse.'
                : 'The units are reserved for your jobs for the whole period.'}
            </Text>
          </Flex>
        )}
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onPress={onCancel} isDisabled={pending}>
          Cancel
        </Button>
        <Button variant="primary" onPress={onConfirm} isPending={pending}>
          Buy
        </Button>
      </DialogFooter>
    </Dialog>
  );
};
