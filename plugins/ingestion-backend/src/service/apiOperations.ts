import { spec } from '../schema/openapi.generated';
import { ApiClientScope } from '../domain/apiClients/apiClientScopes';

/** One operation of the OpenAPI document, with what the API's access rules read from it. */
export interface ApiOperation {
  operationId: string;
  /** No authentication at all (`security: []`). */
  open: boolean;
  /** The scope an API client needs (`x-ingestion-scope`); none means clients may not call it. */
  clientScope?: ApiClientScope;
}

interface CompiledOperation extends ApiOperation {
  method: string;
  pattern: RegExp;
}

const escapeRegExp = (text: string) =>
  text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const templateCount = (path: string) => (path.match(/\{/g) ?? []).length;

// Literal segments win over templates (POST /jobs/validate is not POST /jobs/{jobId}).
const byLiteralFirst = Object.entries(spec.paths).sort(
  ([a], [b]) => templateCount(a) - templateCount(b),
);

const compiled: CompiledOperation[] = byLiteralFirst.flatMap(
  ([path, methods]) =>
    Object.entries(methods as Record<string, any>).map(([method, op]) => ({
      method: method.toUpperCase(),
      pattern: new RegExp(
        `^${path
          .split(/(\{\w+\})/)
          .map(part => (/^\{\w+\}$/.test(part) ? '[^/]+' : escapeRegExp(part)))
          .join('')}/?$`,
      ),
      operationId: op.operationId,
      open: Array.isArray(op.security) && op.security.length === 0,
      clientScope: op['x-ingestion-scope'],
    })),
);

/** The operation a request (method, path relative to the plugin) calls, if the document has it. */
export function findApiOperation(
  method: string,
  path: string,
): ApiOperation | undefined {
  const upper = method.toUpperCase();
  const found = compiled.find(
    op => op.method === upper && op.pattern.test(path),
  );
  return (
    found && {
      operationId: found.operationId,
      open: found.open,
      clientScope: found.clientScope,
    }
  );
}
