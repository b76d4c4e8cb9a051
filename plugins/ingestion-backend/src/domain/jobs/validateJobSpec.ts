import { InputError } from '@backstage/errors';
import {
  CapacityPool,
  IngestionJobSpec,
} from '@internal/backstage-plugin-ingestion-common';
import { z } from 'zod';
import { jobSpecSchema } from './jobSpecSchema';

const CREDENTIAL_KEYS =
  /^(password|passwd|pwd|user|username|secret|accessKey|secretKey|token)$/i;

/** One problem with one field of a job specification. */
export interface FieldProblem {
  field: string;
  message: string;
}

const valueAt = (input: unknown, path: PropertyKey[]) =>
  path.reduce<any>(
    (node, key) =>
      node && typeof node === 'object' ? node[key as any] : undefined,
    input,
  );

function describe(issue: z.core.$ZodIssue, input: unknown): FieldProblem[] {
  const field = issue.path.join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map(key => ({
      field: field ? `${field}.${key}` : key,
      message: CREDENTIAL_KEYS.test(key)
        ? 'credentials are never accepted in a job: store them in a secret and reference it with credentialsSecret'
        : 'is not a known field',
    }));
  }
  if (
    issue.code === 'invalid_type' &&
    valueAt(input, issue.path) === undefined
  ) {
    return [{ field, message: 'is required' }];
  }
  return [{ field, message: issue.message }];
}

/** Checks every field of a job specification; returns the problems, or the spec with defaults applied. */
export function checkJobSpec(
  input: unknown,
):
  | { ok: true; spec: Omit<IngestionJobSpec, 'pool'> & { pool?: CapacityPool } }
  | { ok: false; problems: FieldProblem[] } {
  const parsed = jobSpecSchema.safeParse(input);
  if (parsed.success) return { ok: true, spec: parsed.data as any };
  return {
    ok: false,
    problems: parsed.error.issues.flatMap(issue => describe(issue, input)),
  };
}

/** Like checkJobSpec, but throws an InputError (400) naming each bad field. */
export function validateJobSpec(input: unknown) {
  const result = checkJobSpec(input);
  if (!result.ok) {
    throw new InputError(
      `Invalid ingestion job: ${result.problems
        .map(p => `${p.field || '(body)'} ${p.message}`)
        .join('; ')}`,
    );
  }
  return result.spec;
}
