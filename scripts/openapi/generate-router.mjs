#!/usr/bin/env node
// Turns a plugin's src/schema/openapi.yaml into src/schema/openapi.generated.ts: the spec as a typed constant and a
// validated router factory. Backstage's own generator (repo-tools `schema openapi generate`) needs a Java jar
// downloaded at run time; this keeps the same shape (spec `as const` + createValidatedOpenApiRouter) without it.
// Usage: node scripts/openapi/generate-router.mjs <plugin-dir> [--check]
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const [pluginDir, flag] = process.argv.slice(2);
if (!pluginDir) {
  console.error('usage: generate-router.mjs <plugin-dir> [--check]');
  process.exit(2);
}
const require = createRequire(join(process.cwd(), pluginDir, 'package.json'));
const YAML = require('yaml');
const source = join(pluginDir, 'src/schema/openapi.yaml');
const target = join(pluginDir, 'src/schema/openapi.generated.ts');
const spec = YAML.parse(readFileSync(source, 'utf8'));

const content = `// Generated from openapi.yaml by scripts/openapi/generate-router.mjs. Do not edit; run \`yarn openapi:generate\`.
/* eslint-disable */
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = ${JSON.stringify(spec, null, 2)} as const;

export type IngestionApiSpec = typeof spec;

export const createOpenApiRouter = (
  options?: Parameters<typeof createValidatedOpenApiRouter>[1],
) => createValidatedOpenApiRouter<IngestionApiSpec>(spec, options);
`;

if (flag === '--check') {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== content) {
    console.error(
      `${target} is out of date with ${source}: run yarn openapi:generate`,
    );
    process.exit(1);
  }
  console.log(`${target} matches ${source}`);
} else {
  writeFileSync(target, content);
  console.log(`wrote ${target}`);
}
