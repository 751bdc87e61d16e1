import { ErrorCode } from '@concerto/domain';
import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from './domain-error';
import { errorLanguage } from './error-language';
import { englishOf } from './error-messages';

/** HTTP status of each {@link DomainError} code answered by a plain HTTP route (exports, calendars, avatars). */
const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LIMIT_REACHED: 409,
  SURVEY_CLOSED: 409,
  MOTION_CLOSED: 409,
  MOTION_NOT_OPEN: 409,
  BALLOT_NOT_OPEN: 409,
  BALLOT_CLOSED: 409,
  NOT_IN_CENSUS: 403,
  PETITION_NOT_OPEN: 409,
  REGISTRATION_CLOSED: 409,
  MEETING_NOT_ENDED: 409,
  NEWSLETTER_NO_RECIPIENT: 409,
  SITTING_NOT_ONGOING: 409,
  MOTION_NOT_ON_AGENDA: 409,
  WRONG_PASSWORD: 403,
  ACCOUNT_BLOCKED: 403,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
};

/**
 * Answers a {@link DomainError} raised by the access guard or a controller of a plain HTTP route
 * with its HTTP status and a JSON body `{ code, message }` (the same code as GraphQL's
 * `extensions.code`), worded in the request's language (French unless `Accept-Language` prefers
 * English), with the refused parameter in `field`. A download already streaming is cut instead (its status is sent).
 */
@Catch(DomainError)
export class DomainErrorHttpFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      response.destroy(error);
      return;
    }
    const english = errorLanguage() === 'en';
    const message = english
      ? (error.english ?? englishOf(error.message, error.code).text)
      : error.message;
    response.status(HTTP_STATUS[error.code] ?? 500).json({
      code: error.code,
      message,
      ...(typeof error.details.field === 'string' ? { field: error.details.field } : {}),
    });
  }
}

/**
 * Answers a `HEAD` request for a download with 405 and `Allow: GET`, without running anything:
 * Express runs a route's GET handler for HEAD, which would build a whole export (or consume a
 * one-time download) only to drop the body.
 * @param res the Express response
 */
export function refuseHead(res: Response): void {
  res.setHeader('allow', 'GET');
  res.setHeader('cache-control', 'no-store');
  res.status(405).end();
}
