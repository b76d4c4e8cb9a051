import { spec } from '../schema/openapi.generated';
import { API_CLIENT_SCOPES } from '../domain/apiClients/apiClientScopes';
import { findApiOperation } from './apiOperations';

describe('the operations of the OpenAPI document', () => {
  it('finds the operation of a request, literal paths before templates', () => {
    expect(findApiOperation('post', '/jobs/validate')?.operationId).toBe(
      'ValidateJob',
    );
    expect(findApiOperation('GET', '/jobs/abc/runs/def')?.operationId).toBe(
      'GetRun',
    );
    expect(findApiOperation('GET', '/jobs/abc/runs/def/')?.operationId).toBe(
      'GetRun',
    );
    expect(findApiOperation('GET', '/health')).toMatchObject({ open: true });
    expect(findApiOperation('PATCH', '/jobs/abc')).toBeUndefined();
    expect(findApiOperation('GET', '/jobs/abc/secret')).toBeUndefined();
  });

  it('opens to API clients only member operations, each with a known scope', () => {
    const ops = Object.values(spec.paths).flatMap(methods =>
      Object.values(methods as Record<string, any>),
    );
    const scoped = ops.filter(op => op['x-ingestion-scope'] !== undefined);
    expect(
      scoped
        .filter(op => op['x-ingestion-role'] !== undefined)
        .map(op => op.operationId),
    ).toEqual([]);
    expect(
      scoped.filter(op => !API_CLIENT_SCOPES.includes(op['x-ingestion-scope'])),
    ).toEqual([]);
    // What replaces or removes a resource needs the write scope.
    const changing = Object.values(spec.paths).flatMap(methods =>
      Object.entries(methods as Record<string, any>)
        .filter(([method]) => method === 'put' || method === 'delete')
        .map(([, op]) => op),
    );
    expect(
      changing
        .filter(op => op['x-ingestion-scope'] === 'ingestion.read')
        .map(op => op.operationId),
    ).toEqual([]);
    expect(scoped.length).toBeGreaterThan(0);
  });
});
