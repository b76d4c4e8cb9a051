import { LoggerService } from '@backstage/backend-plugin-api';
import {
  MiddlewareFactory,
  rootHttpRouterServiceFactory,
} from '@backstage/backend-defaults/rootHttpRouter';
import { ErrorRequestHandler } from 'express';
import { randomBytes } from 'node:crypto';

/** The status Backstage's error handler answers an error with: its own statusCode, or 500. */
function statusOf(error: unknown): number {
  const status = (error as { statusCode?: unknown; status?: unknown }) ?? {};
  for (const value of [status.statusCode, status.status]) {
    if (typeof value === 'number' && value >= 100 && value <= 599) return value;
  }
  const known: Record<string, number> = {
    InputError: 400,
    AuthenticationError: 401,
    NotAllowedError: 403,
    NotFoundError: 404,
    ConflictError: 409,
    NotModifiedError: 304,
    NotImplementedError: 501,
    ServiceUnavailableError: 503,
  };
  return known[(error as Error)?.name] ?? 500;
}

/**
 * The last handlers of the backend: Backstage's error handler, except that bodies never carry a stack trace (not
 * even with NODE_ENV=development, which `yarn start` sets), and a server error's message, which may name files,
 * hosts or SQL of this machine, is replaced by a reference to the log line that keeps it.
 */
export function errorHandlersWithoutInternals(
  middleware: MiddlewareFactory,
  logger: LoggerService,
): ErrorRequestHandler[] {
  const hideInternals: ErrorRequestHandler = (error, _req, _res, next) => {
    const status = statusOf(error);
    if (status < 500) {
      next(error);
      return;
    }
    const logId = randomBytes(10).toString('hex');
    logger.error(
      `Request failed with status ${status} (logId=${logId})`,
      error,
    );
    const hidden = new Error(
      `An internal error occurred; the backend log has it under logId=${logId}`,
    );
    (hidden as Error & { statusCode: number }).statusCode = status;
    next(hidden);
  };
  return [hideInternals, middleware.error({ showStackTraces: false })];
}

/** The backend's HTTP stack in Backstage's order, ending in {@link errorHandlersWithoutInternals}. */
export const rootHttpRouterWithoutInternals = rootHttpRouterServiceFactory({
  configure({ app, routes, middleware, healthRouter, logger }) {
    app.use(middleware.helmet());
    app.use(middleware.cors());
    app.use(middleware.compression());
    app.use(middleware.logging());
    app.use(middleware.rateLimit());
    app.use(healthRouter);
    app.use(routes);
    app.use(middleware.notFound());
    app.use(errorHandlersWithoutInternals(middleware, logger));
  },
});
