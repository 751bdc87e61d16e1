import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

/** The languages the API words its errors in: French by default, English on request. */
export type ErrorLanguage = 'fr' | 'en';

const languages = new AsyncLocalStorage<ErrorLanguage>();

/**
 * The language a client asked for in `Accept-Language` (RFC 9110 §12.5.4, q-values honoured
 * through Express's `accepts`): `en` when English is preferred to French, otherwise `fr`
 * (no header, `*`, or any other language).
 * @param req the Express request
 */
export function languageOf(req: Pick<Request, 'acceptsLanguages' | 'headers'>): ErrorLanguage {
  if (!req.headers['accept-language']) return 'fr';
  return req.acceptsLanguages('fr', 'en') === 'en' ? 'en' : 'fr';
}

/** Express middleware: runs the rest of the request with its error language (read by {@link errorLanguage}). */
export function rememberErrorLanguage(req: Request, _res: Response, next: NextFunction): void {
  languages.run(languageOf(req), next);
}

/** The error language of the request under way (`fr` outside a request). */
export function errorLanguage(): ErrorLanguage {
  return languages.getStore() ?? 'fr';
}

/** Runs `work` as if the request asked for `language` (tests, and callers that know the reader's language). */
export function withErrorLanguage<T>(language: ErrorLanguage, work: () => T): T {
  return languages.run(language, work);
}
