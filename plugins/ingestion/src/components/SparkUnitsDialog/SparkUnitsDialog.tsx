import { useApi } from '@backstage/frontend-plugin-api';
import {
  NamespaceAllocation,
  RegistrySnapshot,
} from '@internal/backstage-plugin-ingestion-common';
import {
  Alert,
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  NumberField,
  Text,
} from '@backstage/ui';
import { FormEvent, useState } from 'react';
import { ingestionApiRef } from '../../api';
import { serverMessage } from '../../lib/errors';
import { formatGiB, formatNumber } from '../../lib/format';

/**
 * Changes one namespace's Spark Units. The server may refuse (for example below the Dedicated Ingestion Units
 * already sold); its message is shown as it gave it, and the dialog stays open to try another number.
 */
export const SparkUnitsDialog = (props: {
  allocation: NamespaceAllocation;
  registry: RegistrySnapshot;
  onClose(): void;
  onSaved(registry: RegistrySnapshot): void;
}) => {
  const { allocation, registry, onClose, onSaved } = props;
  const api = useApi(ingestionApiRef);
  const [sparkUnits, setSparkUnits] = useState(allocation.sparkUnits);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const { cores, memoryGiB } = registry.sparkUnitSize;
  const valid = Number.isInteger(sparkUnits) && sparkUnits >= 0;
  const newTotal =
    registry.totalIngestionUnits -
    allocation.sparkUnits +
    (valid ? sparkUnits : 0);

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!valid || saving) return;
    setSaving(true);
    setRefusal(undefined);
    try {
      onSaved(await api.setSparkUnits(allocation.tier, sparkUnits));
    } catch (error) {
      setRefusal(serverMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      isOpen
      onOpenChange={open => {
        if (!open && !saving) onClose();
      }}
      width={520}
    >
      <DialogHeader>Spark Units of {allocation.namespace}</DialogHeader>
      <DialogBody>
        <form id="spark-units-form" onSubmit={save} noValidate>
          <Flex direction="column" gap="4">
            <NumberField
              label="Spark Units"
              description={`Each Spark Unit is ${cores} cores and ${formatGiB(
                memoryGiB,
              )}. Now ${formatNumber(allocation.sparkUnits, 0)}.`}
              minValue={0}
              step={1}
              value={sparkUnits}
              onChange={value => {
                setSparkUnits(value);
                setRefusal(undefined);
              }}
            />
            {valid && (
              <Text variant="body-medium" color="secondary">
                {allocation.namespace} gets{' '}
                {formatNumber(sparkUnits * cores, 0)} cores and{' '}
                {formatGiB(sparkUnits * memoryGiB)}; the platform then has{' '}
                {formatNumber(newTotal, 0)} Ingestion Units.
              </Text>
            )}
            {refusal && (
              <Alert
                status="danger"
                icon
                role="alert"
                title="The change was refused"
                description={refusal}
              />
            )}
          </Flex>
        </form>
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onPress={onClose} isDisabled={saving}>
          Cancel
        </Button>
        <Button
          variant="primary"
          type="submit"
          form="spark-units-form"
          isPending={saving}
          isDisabled={!valid}
        >
          Save
        </Button>
      </DialogFooter>
    </Dialog>
  );
};
