import { useApi } from '@backstage/frontend-plugin-api';
import { Caller } from '@internal/backstage-plugin-ingestion-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { ingestionApiRef } from '../api';

/** The caller and the tenant a page acts for. */
export interface CurrentTenant {
  loading: boolean;
  error?: Error;
  caller?: Caller;
  /** The tenant chosen by the caller, or their first one; undefined when they belong to none. */
  tenant?: string;
  setTenant(tenant: string): void;
}

/** Who is calling, and which of their tenants the page shows (the first one until they pick another). */
export function useCurrentTenant(): CurrentTenant {
  const api = useApi(ingestionApiRef);
  const { value: caller, loading, error } = useAsync(() => api.whoami(), [api]);
  const [picked, setTenant] = useState<string>();
  const tenant =
    picked && caller?.tenants.includes(picked) ? picked : caller?.tenants[0];
  return { loading, error, caller, tenant, setTenant };
}
