import { ErrorCode } from '@concerto/domain';
import { HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';

const logger = new Logger('GraphQLError');

/** GraphQL/Apollo's own codes that already are stable and safe to pass through. */
const APOLLO_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  429: ErrorCode.TOO_MANY_REQUESTS,
};

/** PostgreSQL errors caused by the value a client sent (check, NOT NULL, types, lengths, encodings, number and date ranges). */
const BAD_INPUT_PG_CODES = new Set(['23514', '22P02', '23502', '22001', '22021', '22P05', '22003', '22008', '22007']);

/**
 * The single mapping from anything a resolver throws to the error a client sees.
 * - {@link DomainError} → its code and message, plus its details;
 * - Nest `HttpException` (validation pipe, throttler) → code by HTTP status, with the
 *   validation messages in `extensions.validationErrors`;
 * - PostgreSQL constraint violations that escaped a service → CONFLICT / BAD_USER_INPUT;
 * - errors raised before execution that carry no code (variable coercion) → BAD_USER_INPUT;
 * - anything else → INTERNAL_SERVER_ERROR with a generic message (the cause is logged, never sent).
 * @param formatted Apollo's formatted error; @param error the original error
 * @returns the formatted error with a stable `extensions.code`
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { ...original.details, code: original.code } };
  }
  if (original instanceof ThrottlerException) {
    return { ...base, message: 'Trop de tentatives, réessayez dans une minute.', extensions: { code: ErrorCode.TOO_MANY_REQUESTS } };
  }
  if (original instanceof HttpException) {
    const status = original.getStatus();
    const response = original.getResponse() as { message?: string | string[] } | string;
    const messages = typeof response === 'string' ? [response] : Array.isArray(response.message) ? response.message : [response.message ?? original.message];
    return {
      ...base,
      message: messages.join('; '),
      extensions: { code: HTTP_STATUS_CODES[status] ?? ErrorCode.INTERNAL_SERVER_ERROR, validationErrors: messages },
    };
  }
  if (original instanceof QueryFailedError) {
    const pgCode = (original as QueryFailedError & { driverError?: { code?: string } }).driverError?.code;
    if (pgCode === '23505') return { ...base, message: 'Cet élément existe déjà.', extensions: { code: ErrorCode.CONFLICT } };
    // 22021/22P05: a NUL character or an unusable Unicode escape that got past the input check; 22003: a number out of the column's range;
    // 22008/22007: a date out of PostgreSQL's range or unreadable as a date, that got past the DateTime scalar or a date string check
    if (BAD_INPUT_PG_CODES.has(pgCode ?? '')) {
      return { ...base, message: 'Donnée invalide.', extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && APOLLO_CODES.has(code)) {
    const { stacktrace: _stacktrace, exception: _exception, ...details } = formatted.extensions ?? {};
    return { ...base, extensions: { ...details, code } };
  }
  // refused before execution without a code (graphql-js stops coercing variables after 50 errors: "Too many errors processing variables")
  if (error instanceof GraphQLError && !error.originalError && !formatted.path) {
    return { ...base, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  if (process.env.CONCERTO_DEBUG_ERRORS) console.error(original);
  return { ...base, message: 'Erreur interne du serveur.', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
