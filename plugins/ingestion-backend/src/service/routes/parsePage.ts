import { InputError } from '@backstage/errors';

/** Paging query parameters; the OpenAPI document already restricts them to digits. */
export function parsePage(query: { limit?: string; offset?: string }): {
  limit: number;
  offset: number;
} {
  const limit = query.limit === undefined ? 50 : Number(query.limit);
  const offset = query.offset === undefined ? 0 : Number(query.offset);
  if (limit < 1 || limit > 500)
    throw new InputError('limit must be from 1 to 500');
  return { limit, offset };
}
