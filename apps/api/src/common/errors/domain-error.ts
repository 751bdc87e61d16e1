import { ErrorCode } from '@concerto/domain';
import { IntrinsicException } from '@nestjs/common';

/**
 * The one exception type the API's services raise for expected failures.
 * {@link formatGraphQLError} turns it into a GraphQL error whose `extensions.code` is `code`.
 * It extends Nest's `IntrinsicException` so that expected refusals are not logged as errors.
 */
export class DomainError extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra machine-readable details (e.g. `{ field: 'email' }`), copied into `extensions`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** The message in English, for a client whose `Accept-Language` prefers it (without it: the code's generic English text). */
  english?: string;

  /** Sets {@link english} and returns this error. */
  inEnglish(text: string): this {
    this.english = text;
    return this;
  }

  /**
   * A refused input. A message that starts with the field's own key (`after : curseur invalide`)
   * loses it: the key is in `extensions.field`, and a person never reads the API's key names.
   */
  static badInput(message: string, details?: Record<string, unknown>) {
    return new DomainError(ErrorCode.BAD_USER_INPUT, withoutFieldKey(message, details), details);
  }
  /** A required field left out: « Ce champ est obligatoire. », the field in `extensions.field`. */
  static required(field: string) {
    return DomainError.badInput('Ce champ est obligatoire.', { field }).inEnglish(
      'This field is required.',
    );
  }
  /** Without a message: « Vous devez être connecté·e. », worded in English too; with one, the caller adds its English. */
  static unauthenticated(message?: string) {
    const error = new DomainError(
      ErrorCode.UNAUTHENTICATED,
      message ?? 'Vous devez être connecté·e.',
    );
    return message === undefined ? error.inEnglish('You must be signed in.') : error;
  }
  /** Without a message: « Vous n’avez pas les droits nécessaires. », worded in English too; with one, the caller adds its English. */
  static forbidden(message?: string, details?: Record<string, unknown>) {
    const error = new DomainError(
      ErrorCode.FORBIDDEN,
      message ?? 'Vous n’avez pas les droits nécessaires.',
      details,
    );
    return message === undefined ? error.inEnglish('You do not have the required rights.') : error;
  }
  static notFound(what: string, details?: Record<string, unknown>) {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} introuvable.`, details);
  }
  static conflict(message: string, details?: Record<string, unknown>) {
    return new DomainError(ErrorCode.CONFLICT, message, details);
  }
  /** A sign-in or a write refused because an organization administrator blocked the account. */
  static accountBlocked() {
    return new DomainError(
      ErrorCode.ACCOUNT_BLOCKED,
      'Ce compte a été bloqué par l’administration de la plateforme.',
    ).inEnglish('This account has been blocked by the platform’s administrators.');
  }
  static limitReached(message: string, details?: Record<string, unknown>) {
    return new DomainError(ErrorCode.LIMIT_REACHED, message, details);
  }
}

/**
 * `after : curseur invalide.` with `{ field: 'after' }` → `Curseur invalide.` (else unchanged). The
 * validation pipe's list of constraints (`validationErrors`) keeps each key: it names several fields.
 */
function withoutFieldKey(message: string, details?: Record<string, unknown>): string {
  const field = details?.field;
  if (typeof field !== 'string' || !field || details?.validationErrors) return message;
  for (const prefix of [`${field} :`, `${field}:`]) {
    if (!message.startsWith(prefix)) continue;
    const rest = message.slice(prefix.length).trim();
    return rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : message;
  }
  return message;
}
