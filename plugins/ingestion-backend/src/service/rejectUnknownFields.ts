import { InputError } from '@backstage/errors';
import { RequestHandler } from 'express';

interface BodyRule {
  method: string;
  path: RegExp;
  fields: Set<string>;
}

type Schema = {
  $ref?: string;
  properties?: Record<string, unknown>;
  additionalProperties?: boolean;
};

/**
 * Names the unknown fields of a request body. The OpenAPI validator refuses them too, but its message
 * ("must NOT have additional properties") does not say which field is wrong; this one does. Built once from the
 * document, for every operation whose JSON body schema forbids additional properties.
 */
export function rejectUnknownFields(spec: any): RequestHandler {
  const resolve = (schema: Schema): Schema =>
    schema.$ref
      ? resolve(
          schema.$ref
            .split('/')
            .slice(1)
            .reduce((node: any, key) => node[key], spec),
        )
      : schema;
  const rules: BodyRule[] = [];
  for (const [template, item] of Object.entries<any>(spec.paths)) {
    for (const [method, operation] of Object.entries<any>(item)) {
      const raw = operation.requestBody?.content?.['application/json']?.schema;
      if (!raw) continue;
      const schema = resolve(raw);
      if (schema.additionalProperties !== false || !schema.properties) continue;
      const pattern = template.replace(/\{[^}]+\}/g, '[^/]+');
      rules.push({
        method: method.toUpperCase(),
        path: new RegExp(`^${pattern}$`),
        fields: new Set(Object.keys(schema.properties)),
      });
    }
  }
  return (req, _res, next) => {
    const rule = rules.find(
      r => r.method === req.method && r.path.test(req.path),
    );
    if (
      rule &&
      req.body &&
      typeof req.body === 'object' &&
      !Array.isArray(req.body)
    ) {
      const unknown = Object.keys(req.body).filter(
        key => !rule.fields.has(key),
      );
      if (unknown.length > 0) {
        next(
          new InputError(
            `Unknown field${
              unknown.length > 1 ? 's' : ''
            } in request body: ${unknown.join(', ')}`,
          ),
        );
        return;
      }
    }
    next();
  };
}
