import { RunState } from '@internal/backstage-plugin-ingestion-common';

/** How a run's state is written on the pages. */
export const RUN_STATE_LABELS: Record<RunState, string> = {
  queued: 'Queued',
  submitted: 'Submitted',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
  timed_out: 'Timed out',
};

const ACTIVE_RUN_STATES: ReadonlySet<RunState> = new Set<RunState>([
  'queued',
  'submitted',
  'running',
]);

/** Whether a run is waiting or under way: it can be cancelled, and a page showing it should keep refreshing. */
export function isRunActive(state: RunState): boolean {
  return ACTIVE_RUN_STATES.has(state);
}
