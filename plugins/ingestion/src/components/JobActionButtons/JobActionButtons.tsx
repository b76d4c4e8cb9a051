import { IngestionJob } from '@internal/backstage-plugin-ingestion-common';
import { Button, Flex } from '@backstage/ui';
import {
  RiPauseCircleLine,
  RiPlayCircleLine,
  RiPlayLine,
} from '@remixicon/react';
import { JobActions } from '../../hooks/useJobActions';

/** Run now, and Pause or Resume, for one job; each button shows when its action is under way. */
export const JobActionButtons = (props: {
  job: IngestionJob;
  actions: JobActions;
  size?: 'small' | 'medium';
}) => {
  const { job, actions, size = 'small' } = props;
  const busy = actions.pending?.startsWith(`${job.id}:`) ?? false;
  const paused = job.status === 'paused';
  return (
    <Flex gap="2" align="center">
      <Button
        size={size}
        variant="secondary"
        iconStart={<RiPlayLine size={16} />}
        isPending={actions.pending === `${job.id}:run`}
        isDisabled={busy}
        aria-label={`Run now: ${job.name}`}
        onPress={() => actions.runNow(job)}
      >
        Run now
      </Button>
      <Button
        size={size}
        variant="tertiary"
        iconStart={
          paused ? (
            <RiPlayCircleLine size={16} />
          ) : (
            <RiPauseCircleLine size={16} />
          )
        }
        isPending={actions.pending === `${job.id}:status`}
        isDisabled={busy}
        aria-label={`${paused ? 'Resume' : 'Pause'}: ${job.name}`}
        onPress={() => actions.setStatus(job, paused ? 'active' : 'paused')}
      >
        {paused ? 'Resume' : 'Pause'}
      </Button>
    </Flex>
  );
};
