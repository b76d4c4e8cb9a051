import { CustomErrorBase } from '@backstage/errors';

/**
 * The tenant's prepaid vCPU-hours are used up. Answered as 402 Payment Required: nothing is wrong with the
 * request, and buying more vCPU-hours makes the same request succeed.
 */
export class InsufficientBalanceError extends CustomErrorBase {
  name = 'InsufficientBalanceError' as const;
  readonly statusCode = 402;
}
