import type { LoggerService } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { Logger as Pino, LoggerOptions } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import type { AppConfig } from '../../config/app-config';
import { currentJobRequestId, requestIdFrom } from './request-id';

/**
 * Paths never written, whatever a log call passes: credentials, and the fields where personal
 * data lives (e-mail, name, answers). Request and response objects are reduced by the
 * serializers below before redaction applies.
 */
export const REDACTED_PATHS = [
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'email',
  'answers',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.email',
  '*.answers',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

/**
 * The path of a request as logged: no query string (it may hold a token), and secret path
 * segments masked (`/invitations/<token>`, `/calendar/feeds/<token>.ics` and any segment of 32+
 * base64url characters).
 * @param url the request URL
 */
export function loggableUrl(url: string | undefined): string {
  const path = (url ?? '').split('?')[0];
  return path
    .replace(/\/invitations\/[^/]+/, '/invitations/:token')
    .replace(/\/calendar\/feeds\/[^/]+/, '/calendar/feeds/:token')
    .replace(/\/[A-Za-z0-9_-]{32,}(?=\/|$)/g, '/:secret');
}

/**
 * The root pino logger: one JSON object per line in production (LOG_FORMAT=json), readable
 * lines otherwise, ISO time, level names, and the request id of a background job when one is
 * under way (see `withRequestId`).
 * @param config LOG_FORMAT, LOG_LEVEL, NODE_ENV
 * @param silent no output at all (tests that boot the app without a logger)
 */
export function createRootLogger(
  config: Pick<AppConfig, 'LOG_FORMAT' | 'LOG_LEVEL' | 'NODE_ENV'>,
  silent = false,
): Pino {
  const options: LoggerOptions = {
    level: silent ? 'silent' : config.LOG_LEVEL,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    mixin: () => {
      const reqId = currentJobRequestId();
      return reqId ? { jobReqId: reqId } : {};
    },
  };
  const format = config.LOG_FORMAT ?? (config.NODE_ENV === 'production' ? 'json' : 'pretty');
  if (format === 'pretty' && !silent) {
    try {
      // dev dependency: absent from a production image, where JSON is the default anyway

      const pretty = require('pino-pretty') as (options: object) => NodeJS.WritableStream;
      return pino(
        options,
        pretty({
          sync: true,
          colorize: process.stdout.isTTY,
          ignore: 'pid,hostname',
          singleLine: true,
        }) as never,
      );
    } catch {
      // fall through to JSON
    }
  }
  return pino(options, pino.destination({ dest: 1, sync: true }));
}

/** A completion line with the GraphQL operation name, when the body names a plausible one. */
function withOperation(req: IncomingMessage, line: object): object {
  const operation = (req as IncomingMessage & { body?: { operationName?: unknown } }).body
    ?.operationName;
  return typeof operation === 'string' && /^\w{1,64}$/.test(operation)
    ? { ...line, operation }
    : line;
}

/**
 * pino-http's options for nestjs-pino: a request id per request (the proxy's `X-Request-Id`
 * when well formed, echoed in the response), one line per finished request with method, path
 * (see {@link loggableUrl}), GraphQL operation name, status and duration; probes and metrics
 * are not logged; 5xx as error, 4xx as warn. Log lines written while handling the request carry
 * its `reqId` (nestjs-pino's request context), SQL errors included.
 */
export function httpLogOptions(logger: Pino): PinoHttpOptions<IncomingMessage, ServerResponse> {
  return {
    logger,
    quietReqLogger: true,
    // assigned by `assignRequestId`, the first middleware; a fresh one if it did not run
    genReqId: (req) =>
      (req as IncomingMessage & { id?: string }).id ?? requestIdFrom(req.headers['x-request-id']),
    autoLogging: { ignore: (req) => /^\/(healthz|readyz|metrics)\b/.test(req.url ?? '') },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
    // the operation name on the completion line only (at the request's start the body is not
    // parsed yet): pino-http's `customProps` would build two more child loggers per request for it
    customSuccessObject: (req, _res, line) => withOperation(req, line),
    customErrorObject: (req, _res, _error, line) => withOperation(req, line),
    serializers: {
      req: (req: { id?: unknown; method?: string; url?: string }) => ({
        id: req.id,
        method: req.method,
        url: loggableUrl(req.url),
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: (error: Error & { code?: string }) => ({
        type: error.name,
        message: error.message,
        code: error.code,
        stack: error.stack,
      }),
    },
  };
}

/**
 * A Nest logger over pino for the lines written before the application exists (database,
 * migrations, start lock) and after it is closed.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Pino) {}
  private write(
    level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal',
    message: unknown,
    params: unknown[],
  ) {
    const context = typeof params.at(-1) === 'string' ? (params.at(-1) as string) : undefined;
    this.logger[level](
      context ? { context } : {},
      typeof message === 'string' ? message : String(message),
    );
  }
  log(message: unknown, ...params: unknown[]) {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]) {
    this.write('fatal', message, params);
  }
}
