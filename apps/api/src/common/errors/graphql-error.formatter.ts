import { ErrorCode } from '@concerto/domain';
import { HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';
import { errorLanguage } from './error-language';
import { Bilingual, documentLimitMessage, englishOf, preExecutionMessage } from './error-messages';

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

/** French text of a Nest `HttpException` whose own message is English, by HTTP status. */
const HTTP_STATUS_FRENCH: Record<number, string> = {
  400: 'Donnée invalide.',
  401: 'Vous devez être connecté·e.',
  403: 'Vous n’avez pas les droits nécessaires.',
  404: 'Introuvable.',
  409: 'Conflit avec des données existantes.',
  429: 'Trop de tentatives, réessayez dans une minute.',
};

/** PostgreSQL errors caused by the value a client sent (check, NOT NULL, types, lengths, encodings, number and date ranges). */
const BAD_INPUT_PG_CODES = new Set([
  '23514',
  '22P02',
  '23502',
  '22001',
  '22021',
  '22P05',
  '22003',
  '22008',
  '22007',
]);

/** The error as sent: French text unless the request asked for English (`Accept-Language: en`). */
function worded(
  base: GraphQLFormattedError,
  code: string,
  message: Bilingual | string,
  extensions: Record<string, unknown> = {},
): GraphQLFormattedError {
  const language = errorLanguage();
  if (typeof message !== 'string')
    return { ...base, message: message[language], extensions: { ...extensions, code } };
  if (language === 'fr') return { ...base, message, extensions: { ...extensions, code } };
  const english = englishOf(message, code);
  return {
    ...base,
    message: english.text,
    extensions: { ...extensions, code, ...(english.generic ? { frenchMessage: message } : {}) },
  };
}

/**
 * The single mapping from anything a resolver throws to the error a client sees, worded in
 * French, or in English when the request's `Accept-Language` prefers it (see `error-language.ts`).
 * - {@link DomainError} → its code and message, plus its details (in English: the message's
 *   twin, or the code's generic text with the French one in `extensions.frenchMessage`);
 * - Nest `HttpException` (validation pipe, throttler) → code by HTTP status, with the
 *   validation messages in `extensions.validationErrors`;
 * - PostgreSQL constraint violations that escaped a service → CONFLICT / BAD_USER_INPUT;
 * - a refused query document (syntax, schema, depth/alias/directive/token/complexity limits,
 *   variables) → Apollo's stable code with a worded message, the `reason` of a limit, and
 *   graphql-js's English text in `extensions.detail`;
 * - errors raised before execution that carry no code (variable coercion) → BAD_USER_INPUT;
 * - anything else → INTERNAL_SERVER_ERROR with a generic message (the cause is logged, never sent).
 * @param formatted Apollo's formatted error; @param error the original error
 * @returns the formatted error with a stable `extensions.code`
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original =
    error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof DomainError) {
    return worded(
      base,
      original.code,
      original.english ? { fr: original.message, en: original.english } : original.message,
      { ...original.details },
    );
  }
  if (original instanceof ThrottlerException) {
    return worded(base, ErrorCode.TOO_MANY_REQUESTS, {
      fr: 'Trop de tentatives, réessayez dans une minute.',
      en: 'Too many attempts, try again in a minute.',
    });
  }
  if (original instanceof HttpException) {
    const status = original.getStatus();
    const response = original.getResponse() as { message?: string | string[] } | string;
    const messages =
      typeof response === 'string'
        ? [response]
        : Array.isArray(response.message)
          ? response.message
          : [response.message ?? original.message];
    const code = HTTP_STATUS_CODES[status] ?? ErrorCode.INTERNAL_SERVER_ERROR;
    // Nest's own pipes speak English (`Validation failed (uuid is expected)`): their text stays in `validationErrors`
    const french = messages.some((m) => /[àâçéèêîôûœ]/i.test(m))
      ? messages.join('; ')
      : (HTTP_STATUS_FRENCH[status] ?? 'Requête refusée.');
    return worded(base, code, french, { validationErrors: messages });
  }
  if (original instanceof QueryFailedError) {
    const pgCode = (original as QueryFailedError & { driverError?: { code?: string } }).driverError
      ?.code;
    if (pgCode === '23505') return worded(base, ErrorCode.CONFLICT, 'Cet élément existe déjà.');
    // the trigger of an authored table refused a row of a blocked account (migration BlockedAuthors)
    if (pgCode === 'CB001') {
      const refusal = DomainError.accountBlocked();
      return worded(base, refusal.code, { fr: refusal.message, en: refusal.english! });
    }
    // 22021/22P05: a NUL character or an unusable Unicode escape that got past the input check; 22003: a number out of the column's range;
    // 22008/22007: a date out of PostgreSQL's range or unreadable as a date, that got past the DateTime scalar or a date string check
    if (BAD_INPUT_PG_CODES.has(pgCode ?? ''))
      return worded(base, ErrorCode.BAD_USER_INPUT, 'Donnée invalide.');
  }
  // a document limit (query-limits.ts) refused the operation: its reason decides the words
  const limitSource = original instanceof GraphQLError ? original.extensions : formatted.extensions;
  const reason = limitSource?.reason;
  if (typeof reason === 'string') {
    const words = documentLimitMessage(reason, limitSource?.found, limitSource?.maximum);
    const code = formatted.extensions?.code;
    if (words) {
      return worded(
        base,
        typeof code === 'string' && APOLLO_CODES.has(code) ? code : ErrorCode.BAD_USER_INPUT,
        words,
        {
          reason,
          ...(limitSource?.maximum !== undefined ? { maximum: limitSource.maximum } : {}),
          ...(typeof limitSource?.found === 'number' ? { found: limitSource.found } : {}),
        },
      );
    }
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && APOLLO_CODES.has(code)) {
    const {
      stacktrace: _stacktrace,
      exception: _exception,
      http: _http,
      ...details
    } = formatted.extensions ?? {};
    return worded(base, code, preExecutionMessage(code, formatted.message), {
      ...details,
      detail: formatted.message,
    });
  }
  // refused before execution without a code (graphql-js stops coercing variables after 50 errors: "Too many errors processing variables")
  if (error instanceof GraphQLError && !error.originalError && !formatted.path) {
    return worded(base, ErrorCode.BAD_USER_INPUT, preExecutionMessage('', formatted.message), {
      detail: formatted.message,
    });
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  if (process.env.CONCERTO_DEBUG_ERRORS) console.error(original);
  return worded(base, ErrorCode.INTERNAL_SERVER_ERROR, 'Erreur interne du serveur.');
}
