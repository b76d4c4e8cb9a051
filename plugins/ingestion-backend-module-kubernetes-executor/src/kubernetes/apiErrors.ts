/**
 * A call the Kubernetes API answered with an error status. `code` is the HTTP status and the message is the API
 * server's own words (the Status object's message, e.g. `pods "x" is forbidden: exceeded quota: ...`).
 */
export class KubernetesApiError extends Error {
  readonly code: number;
  readonly body: unknown;

  constructor(code: number, body: unknown, request: string) {
    const message = (body as { message?: unknown })?.message;
    super(
      `${request} failed with ${code}: ${
        typeof message === 'string' && message ? message : JSON.stringify(body)
      }`,
    );
    this.name = 'KubernetesApiError';
    this.code = code;
    this.body = body;
  }
}

/**
 * HTTP status of a failed Kubernetes API call, or undefined for errors that never reached the API server
 * (connection refused, TLS, DNS).
 */
export function apiStatusCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'number' ? code : undefined;
}

export const isNotFound = (error: unknown) => apiStatusCode(error) === 404;
export const isAlreadyExists = (error: unknown) => apiStatusCode(error) === 409;

/** The API server's message for a failed call, falling back to the error's message. */
export function apiErrorMessage(error: unknown): string {
  const message = ((error as { body?: unknown })?.body as { message?: unknown })
    ?.message;
  if (typeof message === 'string' && message) return message;
  return String((error as Error)?.message ?? error);
}
