import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import { AccountRules, ErrorCode } from '@concerto/domain';
import type { TFunction } from 'i18next';

/** What the UI needs to know about a failed request. */
export interface ApiErrorInfo {
  /** An API error code, `NETWORK` when the server was unreachable, `UNKNOWN` otherwise. */
  code: ErrorCode | 'NETWORK' | 'UNKNOWN';
  /** The server's own message, in the language the request asked for (`Accept-Language`), when it sent one. */
  serverMessage: string | null;
  /**
   * The server worded this very error in the requested language. False when, asked for English,
   * it could only send its code's generic English text (the French detail then travels in
   * `extensions.frenchMessage`).
   */
  specific: boolean;
  /** The input field the error is about (`extensions.field`). */
  field: string | null;
  /** A machine-readable reason (`extensions.reason`, e.g. a password weakness). */
  reason: string | null;
  /** Per-constraint messages of a rejected input (`extensions.validationErrors`). */
  validationErrors: string[];
  /**
   * The same constraints, each with the input key it concerns and its message without that key
   * (`extensions.fields`): what a form shows on its own fields.
   */
  fieldErrors: ApiFieldError[];
}

/** One refused input field: the API's key (a path such as `title` or `agenda.0.title`) and what is wrong. */
export interface ApiFieldError {
  field: string;
  message: string;
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/** `title : au moins 3 caractères.`, `agenda.0.title: at most 200 characters.` → the key and the rest. */
const KEY_PREFIX = /^([A-Za-z_][\w]*(?:\.[\w]+)*)\s?:\s*/;

/**
 * A constraint message without the API's input key in front (`title : au moins 3 caractères.` →
 * `Au moins 3 caractères.`): a person never reads the API's key names.
 * @param message a message of `extensions.validationErrors`
 */
export function withoutInputKey(message: string): string {
  const rest = message.replace(KEY_PREFIX, '').trim();
  return rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : message;
}

function fieldErrorsOf(value: unknown): ApiFieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    const { field, message } = (entry ?? {}) as Record<string, unknown>;
    return typeof field === 'string' && typeof message === 'string' && field && message
      ? [{ field, message }]
      : [];
  });
}

function asString(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/**
 * Reads the first GraphQL error (or the transport failure) of anything Apollo throws or returns.
 * @param error an Apollo error, or anything else thrown
 */
export function parseApiError(error: unknown): ApiErrorInfo {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const extensions = (first?.extensions ?? {}) as Record<string, unknown>;
    const rawCode = asString(extensions.code);
    const code = rawCode && KNOWN_CODES.has(rawCode) ? (rawCode as ErrorCode) : 'UNKNOWN';
    const validationErrors = Array.isArray(extensions.validationErrors)
      ? extensions.validationErrors.filter((v): v is string => typeof v === 'string')
      : [];
    return {
      code,
      serverMessage: asString(first?.message),
      specific: asString(extensions.frenchMessage) === null,
      field: asString(extensions.field),
      reason: asString(extensions.reason),
      validationErrors,
      fieldErrors: fieldErrorsOf(extensions.fields),
    };
  }
  if (ServerError.is(error)) {
    const status = error.statusCode;
    const code =
      status === 429
        ? ErrorCode.TOO_MANY_REQUESTS
        : status >= 500
          ? ErrorCode.INTERNAL_SERVER_ERROR
          : 'UNKNOWN';
    return {
      code,
      serverMessage: null,
      specific: false,
      field: null,
      reason: null,
      validationErrors: [],
      fieldErrors: [],
    };
  }
  if (
    ServerParseError.is(error) ||
    (error instanceof TypeError && /fetch|network/i.test(error.message))
  ) {
    return {
      code: 'NETWORK',
      serverMessage: null,
      specific: false,
      field: null,
      reason: null,
      validationErrors: [],
      fieldErrors: [],
    };
  }
  return {
    code: 'UNKNOWN',
    serverMessage: null,
    specific: false,
    field: null,
    reason: null,
    validationErrors: [],
    fieldErrors: [],
  };
}

/** Codes whose server message is specific enough to show as is (the API writes them in French). */
const DETAILED_CODES = new Set<ApiErrorInfo['code']>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.CONFLICT,
  ErrorCode.LIMIT_REACHED,
]);

/** Per-form replacements of the generic message of a code. */
export type ErrorMessageOverrides = Partial<Record<ApiErrorInfo['code'], string>>;

/**
 * The message to show for an API error, in the interface language.
 * Order: the caller's override for the code; a translated password-weakness reason; the server's
 * specific message for input/conflict/limit errors when the UI is in French (the API's language)
 * or the server worded it in English too (`specific`), and the error is not a raw list of
 * validation constraints; otherwise the translated message of the code.
 * @param info the parsed error
 * @param t the translation function
 * @param language the interface language
 * @param overrides messages replacing the generic one for some codes
 */
export function errorMessage(
  info: ApiErrorInfo,
  t: TFunction,
  language: string,
  overrides: ErrorMessageOverrides = {},
): string {
  const override = overrides[info.code];
  if (override) return override;
  if (
    info.code === ErrorCode.BAD_USER_INPUT &&
    info.field === 'password' &&
    info.reason &&
    ['tooShort', 'tooLong', 'tooSimple'].includes(info.reason)
  ) {
    return t(`auth.passwordWeakness.${info.reason}`, {
      min: AccountRules.passwordMinLength,
      max: AccountRules.passwordMaxLength,
    });
  }
  if (
    DETAILED_CODES.has(info.code) &&
    info.serverMessage &&
    (language === 'fr' || info.specific) &&
    info.validationErrors.length === 0
  ) {
    return info.serverMessage;
  }
  return t(`errors.${info.code}`);
}
