import { RunState } from '@internal/backstage-plugin-ingestion-common';
import { isRunActive, RUN_STATE_LABELS } from '../../lib/runStates';
import { StatusPill, StatusTone } from '../StatusPill';

const RUN_STATE_TONES: Record<RunState, StatusTone> = {
  queued: 'neutral',
  submitted: 'info',
  running: 'info',
  succeeded: 'success',
  failed: 'danger',
  cancelled: 'warning',
  timed_out: 'danger',
};

/** A run's state in its colour; the dot pulses while the run is under way. */
export const RunStateBadge = (props: { state: RunState }) => (
  <StatusPill
    tone={RUN_STATE_TONES[props.state]}
    pulse={isRunActive(props.state) && props.state !== 'queued'}
  >
    {RUN_STATE_LABELS[props.state]}
  </StatusPill>
);
