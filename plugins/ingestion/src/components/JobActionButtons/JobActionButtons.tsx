import { IngestionJob } from '@internal/backstage-plugin-ingestion-common';
import {
  Button,
  ButtonIcon,
  Flex,
  Tooltip,
  TooltipTrigger,
} from '@backstage/ui';
import {
  RiPauseCircleLine,
  RiPlayCircleLine,
  RiPlayLine,
} from '@remixicon/react';
import { JobActions } from '../../hooks/useJobActions';

/**
 * Run now, and Pause or Resume, for one job; each button shows when its action is under way. `compact` (for table
 * rows) shows Pause/Resume as an icon with a tooltip.
 */
export const JobActionButtons = (props: {
  job: IngestionJob;
  actions: JobActions;
  size?: 'small' | 'medium';
  compact?: boolean;
}) => {
  const { job, actions, size = 'small', compact = false } = props;
  const busy = actions.pending?.startsWith(`${job.id}:`) ?? false;
  const paused = job.status === 'paused';
  const statusLabel = paused ? 'Resume' : 'Pause';
  const statusIcon = paused ? (
    <RiPlayCircleLine size={16} />
  ) : (
    <RiPauseCircleLine size={16} />
  );
  const toggleStatus = () =>
    actions.setStatus(job, paused ? 'active' : 'paused');
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
      {compact ? (
        <TooltipTrigger delay={300}>
          <ButtonIcon
            size={size}
            variant="tertiary"
            icon={statusIcon}
            isPending={actions.pending === `${job.id}:status`}
            isDisabled={busy}
            aria-label={`${statusLabel}: ${job.name}`}
            onPress={toggleStatus}
          />
          <Tooltip>{statusLabel}</Tooltip>
        </TooltipTrigger>
      ) : (
        <Button
          size={size}
          variant="tertiary"
          iconStart={statusIcon}
          isPending={actions.pending === `${job.id}:status`}
          isDisabled={busy}
          aria-label={`${statusLabel}: ${job.name}`}
          onPress={toggleStatus}
        >
          {statusLabel}
        </Button>
      )}
    </Flex>
  );
};
