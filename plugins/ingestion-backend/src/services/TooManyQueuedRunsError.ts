import { CustomErrorBase } from '@backstage/errors';

/**
 * The tenant already has as many manual runs waiting as it may. Answered as 429: the same request succeeds once
 * some of them have started.
 */
export class TooManyQueuedRunsError extends CustomErrorBase {
  name = 'TooManyQueuedRunsError' as const;
  readonly statusCode = 429;
}
