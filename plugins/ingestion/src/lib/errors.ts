import { ResponseError } from '@backstage/errors';

/**
 * The message to show for a failed call: the server's own words when it sent an error body (a ResponseError's
 * own message is only "Request failed with 409 Conflict"), otherwise the error's message.
 */
export function serverMessage(error: unknown): string {
  if (ResponseError.is(error) && error.cause?.message) {
    return error.cause.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
