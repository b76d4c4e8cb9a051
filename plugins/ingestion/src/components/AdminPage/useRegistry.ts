import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ingestionApiRef } from '../../api';
import { useCapacitySignal } from '../../hooks/useCapacitySignal';

/** The Spark Unit registry, loaded again whenever the backend signals a registry change. */
export function useRegistry() {
  const api = useApi(ingestionApiRef);
  const state = useAsyncRetry(() => api.getRegistry(), [api]);
  useCapacitySignal(signal => {
    if (signal.kind === 'registry') state.retry();
  });
  return state;
}
