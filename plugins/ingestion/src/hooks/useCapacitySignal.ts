import { useSignal } from '@backstage/plugin-signals-react';
import { useEffect, useRef } from 'react';
import { CAPACITY_SIGNAL_CHANNEL, CapacitySignal } from '../lib/capacitySignal';

/**
 * Calls `onSignal` for every message pushed on the capacity channel, so an open page can refetch what changed.
 * Each message is a fresh object, so two identical pushes both arrive.
 */
export function useCapacitySignal(onSignal: (signal: CapacitySignal) => void) {
  const { lastSignal } = useSignal<CapacitySignal>(CAPACITY_SIGNAL_CHANNEL);
  const handler = useRef(onSignal);
  handler.current = onSignal;
  useEffect(() => {
    if (lastSignal) handler.current(lastSignal);
  }, [lastSignal]);
}
