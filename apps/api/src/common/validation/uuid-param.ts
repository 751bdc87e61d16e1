import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';

/**
 * Pipe for a route parameter that must be a UUID: a malformed one is refused with
 * `BAD_USER_INPUT` « Identifiant invalide. » (`extensions.field` / JSON `field` = the parameter),
 * answered 400 by `DomainErrorHttpFilter` — not Nest's English `Validation failed (uuid is expected)`.
 * @param name the route parameter's name
 */
export function uuidParam(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      DomainError.badInput('Identifiant invalide.', { field: name }).inEnglish(
        'Invalid identifier.',
      ),
  });
}
