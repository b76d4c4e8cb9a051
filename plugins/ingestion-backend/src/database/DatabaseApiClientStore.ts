import { ConflictError, NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import {
  ApiClient,
  ApiClientRegistration,
} from '../domain/apiClients/apiClientRegistration';
import { ApiClientScope } from '../domain/apiClients/apiClientScopes';
import { ApiClientStore } from './ApiClientStore';
import { toIsoString } from './timestamps';

const TABLE = 'ingestion_api_clients';

interface ApiClientRow {
  client_id: string;
  tenant: string;
  scopes: string;
  description: string;
  registered_by: string;
  registered_at: Date | string | number;
  revoked_by: string | null;
  revoked_at: Date | string | number | null;
}

const toClient = (row: ApiClientRow): ApiClient => ({
  clientId: row.client_id,
  tenant: row.tenant,
  scopes: row.scopes.split(' ') as ApiClientScope[],
  description: row.description,
  registeredBy: row.registered_by,
  registeredAt: toIsoString(row.registered_at),
  ...(row.revoked_at !== null && row.revoked_by !== null
    ? { revokedBy: row.revoked_by, revokedAt: toIsoString(row.revoked_at) }
    : {}),
});

export class DatabaseApiClientStore implements ApiClientStore {
  constructor(private readonly db: Knex) {}

  async register(
    registration: ApiClientRegistration,
    by: string,
    at: Date,
  ): Promise<ApiClient> {
    const inserted = await this.db(TABLE)
      .insert({
        client_id: registration.clientId,
        tenant: registration.tenant,
        scopes: registration.scopes.join(' '),
        description: registration.description,
        registered_by: by,
        registered_at: at,
        revoked_by: null,
        revoked_at: null,
      })
      .onConflict('client_id')
      .ignore()
      .returning('client_id');
    if (inserted.length === 0) {
      throw new ConflictError(
        `API client ${registration.clientId} is registered already; a revoked client id is not reused`,
      );
    }
    return (await this.get(registration.clientId))!;
  }

  async get(clientId: string): Promise<ApiClient | undefined> {
    const row = await this.db<ApiClientRow>(TABLE)
      .where({ client_id: clientId })
      .first();
    return row ? toClient(row) : undefined;
  }

  async list(filter?: { tenant?: string }): Promise<ApiClient[]> {
    const query = this.db<ApiClientRow>(TABLE).orderBy('client_id');
    if (filter?.tenant) query.where({ tenant: filter.tenant });
    return (await query).map(toClient);
  }

  async revoke(clientId: string, by: string, at: Date): Promise<ApiClient> {
    await this.db(TABLE)
      .where({ client_id: clientId })
      .whereNull('revoked_at')
      .update({ revoked_by: by, revoked_at: at });
    const client = await this.get(clientId);
    if (!client) throw new NotFoundError(`No API client ${clientId}`);
    return client;
  }
}
