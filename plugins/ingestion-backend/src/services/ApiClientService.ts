import { InputError } from '@backstage/errors';
import { ApiClientStore } from '../database/ApiClientStore';
import {
  ApiClient,
  registrationProblems,
} from '../domain/apiClients/apiClientRegistration';
import { ApiClientScope } from '../domain/apiClients/apiClientScopes';

/**
 * The registry of other systems' OAuth 2.0 clients, as platform admins keep it: each client acts for one tenant
 * with the scopes granted here. The authorization server issues the credentials; this only says what they allow.
 */
export class ApiClientService {
  constructor(
    private readonly deps: {
      store: ApiClientStore;
      /** Whether a group entity ref is a tenant (a catalog Group of spec.type tenant). */
      isTenant: (groupRef: string) => Promise<boolean>;
      now: () => Date;
    },
  ) {}

  list(): Promise<ApiClient[]> {
    return this.deps.store.list();
  }

  async register(
    input: {
      clientId?: unknown;
      tenant?: unknown;
      scopes?: unknown;
      description?: unknown;
    },
    by: string,
  ): Promise<ApiClient> {
    const problems = registrationProblems(input);
    if (problems.length > 0) throw new InputError(problems.join('; '));
    const tenant = input.tenant as string;
    if (!(await this.deps.isTenant(tenant))) {
      throw new InputError(
        `tenant ${tenant} is not a tenant: no catalog Group of spec.type tenant has that ref`,
      );
    }
    return this.deps.store.register(
      {
        clientId: input.clientId as string,
        tenant,
        scopes: input.scopes as ApiClientScope[],
        description:
          typeof input.description === 'string' ? input.description : '',
      },
      by,
      this.deps.now(),
    );
  }

  revoke(clientId: string, by: string): Promise<ApiClient> {
    return this.deps.store.revoke(clientId, by, this.deps.now());
  }
}
