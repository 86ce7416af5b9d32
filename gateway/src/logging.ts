import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '@vitrine/platform';
import type { RequestHandler } from 'express';
import { REQUEST_ID_HEADER, requestIdFrom, type GatewayContext } from './context.js';

/** Paths that orchestrators and scrapers poll; their lines are only worth a debug log. */
const PROBES = new Set(['/health', '/ready', '/metrics']);

/**
 * Gives every HTTP request a request id (the caller's `x-request-id`, or a new one), returns it in
 * the response, and logs one line per request when it finishes.
 */
export function requestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdFrom(req.header(REQUEST_ID_HEADER));
    res.locals.requestId = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const started = process.hrtime.bigint();
    // Captured now: routers mounted on a path rewrite `req.url` while they run.
    const path = req.originalUrl.split('?')[0];
    res.on('finish', () => {
      const line = {
        requestId,
        method: req.method,
        path,
        status: res.statusCode,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
      };
      if (PROBES.has(path)) logger.debug(line, 'request');
      else logger.info(line, 'request');
    });
    next();
  };
}

/**
 * Logs the errors of each operation: internal ones in full (clients only see them masked),
 * expected ones (UNAUTHENTICATED, limits, ...) at debug.
 */
export function errorLogging(logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didEncounterErrors: ({ errors, contextValue, operationName }) => {
          const log = contextValue?.logger ?? logger;
          for (const err of errors) {
            const code = err.extensions?.code as string | undefined;
            if (!code || code === 'INTERNAL_SERVER_ERROR') {
              log.error({ err: err.originalError ?? err, operationName }, 'operation failed');
            } else {
              log.debug({ code, message: err.message, operationName }, 'operation rejected');
            }
          }
          return Promise.resolve();
        },
      }),
  };
}
