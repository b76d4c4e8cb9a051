import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ingestionApiRef } from '../../api';
import { useCapacitySignal } from '../../hooks/useCapacitySignal';

const HOURS = 24;

/**
 * Utilisation now and the lending audit of the last 24 hours, loaded again whenever the backend signals that
 * runs started or finished, capacity was lent or taken back, or the registry changed. Only for platform admins.
 */
export function useLending(enabled: boolean) {
  const api = useApi(ingestionApiRef);
  const state = useAsyncRetry(async () => {
    if (!enabled) return undefined;
    const [utilisation, events] = await Promise.all([
      api.getCapacityUtilisation(),
      api.getLendingEvents(HOURS),
    ]);
    return { utilisation, events };
  }, [api, enabled]);
  useCapacitySignal(signal => {
    if (
      enabled &&
      (signal.kind === 'utilisation' || signal.kind === 'registry')
    )
      state.retry();
  });
  return state;
}
