import { CustomErrorBase } from '@backstage/errors';

/**
 * An Idempotency-Key already used for a different request. Answered as 422: replaying the first request's
 * answer would hide that this one was not carried out.
 */
export class IdempotencyKeyReusedError extends CustomErrorBase {
  name = 'IdempotencyKeyReusedError' as const;
  readonly statusCode = 422;
}
