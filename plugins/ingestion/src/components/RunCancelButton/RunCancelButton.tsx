import {
  IngestionJob,
  IngestionRun,
} from '@internal/backstage-plugin-ingestion-common';
import { Button } from '@backstage/ui';
import { RiStopCircleLine } from '@remixicon/react';
import { JobActions } from '../../hooks/useJobActions';

/** Cancels one queued or running run of a job. */
export const RunCancelButton = (props: {
  job: IngestionJob;
  run: IngestionRun;
  actions: JobActions;
}) => {
  const { job, run, actions } = props;
  const key = `${run.id}:cancel`;
  return (
    <Button
      size="small"
      variant="tertiary"
      destructive
      iconStart={<RiStopCircleLine size={16} />}
      isPending={actions.pending === key}
      isDisabled={actions.pending !== undefined}
      aria-label={`Cancel the ${run.state} run of ${job.name}`}
      onPress={() => actions.cancel(job, run)}
    >
      Cancel
    </Button>
  );
};
