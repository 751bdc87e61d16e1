import type { ValidationError } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { ErrorLanguage, errorLanguage } from '../errors/error-language';
import type { Bilingual } from '../errors/error-messages';

/** English twins of the French messages written for Concerto's constraints, by French text (see {@link withEnglish}). */
const ENGLISH_OF_CUSTOM = new Map<string, string>();

/**
 * A class-validator `message` written for Concerto (`@MaxLength(80, { message: withEnglish('name: 80 caractères au plus', 'name: at most 80 characters') })`):
 * its French text, remembered with its English twin so the validation pipe words it in English
 * on request (`Accept-Language: en`) rather than with a generic « invalid value ». Both start with
 * the field's key, which `extensions.fields` drops.
 * @param french the message as sent by default; @param english the same in English
 * @returns `french`, for class-validator
 */
export function withEnglish(french: string, english: string): string {
  ENGLISH_OF_CUSTOM.set(french, english);
  return french;
}

/** The first number of a class-validator message (`must be longer than or equal to 3 characters` → 3). */
const numberIn = (message: string): string => /-?\d+(?:\.\d+)?/.exec(message)?.[0] ?? '';

const plural = (n: string, one: string, many: string) => (Math.abs(Number(n)) >= 2 ? many : one);

const pluralEn = (n: string, one: string, many: string) => (Math.abs(Number(n)) === 1 ? one : many);

/** French and English text of one failed constraint of the input field at `path`. */
function constraintText(path: string, constraint: string, message: string): Bilingual {
  const n = numberIn(message);
  const t = (fr: string, en: string): Bilingual => ({
    fr: `${path} : ${fr}`,
    en: `${path}: ${en}`,
  });
  // class-validator's own messages all say « must » or « should »: any other was written for Concerto, in French
  if (!/\b(must|should)\b/.test(message))
    return { fr: message, en: ENGLISH_OF_CUSTOM.get(message) ?? `${path}: invalid value.` };
  switch (constraint) {
    case 'minLength':
      return t(
        `au moins ${n} ${plural(n, 'caractère', 'caractères')}.`,
        `at least ${n} ${pluralEn(n, 'character', 'characters')}.`,
      );
    case 'maxLength':
      return t(
        `${n} ${plural(n, 'caractère', 'caractères')} au plus.`,
        `at most ${n} ${pluralEn(n, 'character', 'characters')}.`,
      );
    case 'arrayMinSize':
      return t(
        `au moins ${n} ${plural(n, 'élément', 'éléments')}.`,
        `at least ${n} ${pluralEn(n, 'item', 'items')}.`,
      );
    case 'arrayMaxSize':
      return t(
        `${n} ${plural(n, 'élément', 'éléments')} au plus.`,
        `at most ${n} ${pluralEn(n, 'item', 'items')}.`,
      );
    case 'min':
      return t(`au moins ${n}.`, `at least ${n}.`);
    case 'max':
      return t(`${n} au plus.`, `at most ${n}.`);
    case 'isEmail':
      return t('adresse e-mail invalide.', 'invalid e-mail address.');
    case 'isUuid':
    case 'isUUID':
      return t('identifiant invalide.', 'invalid identifier.');
    case 'isInt':
      return t('un nombre entier est attendu.', 'an integer is expected.');
    case 'isNumber':
      return t('un nombre est attendu.', 'a number is expected.');
    case 'isEnum':
    case 'isIn':
      return t('valeur inconnue.', 'unknown value.');
    case 'isBoolean':
      return t('vrai ou faux est attendu.', 'true or false is expected.');
    case 'isString':
      return t('un texte est attendu.', 'a text is expected.');
    case 'isArray':
      return t('une liste est attendue.', 'a list is expected.');
    case 'isNotEmpty':
    case 'isDefined':
      return t('obligatoire.', 'required.');
    case 'whitelistValidation':
      return t('champ inconnu.', 'unknown field.');
    case 'matches':
      return t('format invalide.', 'invalid format.');
    case 'isUrl':
    case 'isURL':
      return t('adresse web invalide.', 'invalid web address.');
    case 'isDateString':
    case 'isISO8601':
    case 'isIso8601':
    case 'isDate':
      return t('date invalide.', 'invalid date.');
    default:
      return t('valeur invalide.', 'invalid value.');
  }
}

/** French text of one failed constraint of the input field at `path` (kept for callers that want French whatever the request). */
export function frenchConstraint(path: string, constraint: string, message: string): string {
  return constraintText(path, constraint, message).fr;
}

/** Every failed constraint with its input path (`questions.0.options`), depth first. */
function flatten(errors: ValidationError[], parent = ''): { path: string; text: Bilingual }[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      path,
      text: constraintText(path, constraint, message),
    }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** A constraint's text without the input path in front (`title : au moins 3 caractères.` → `au moins 3 caractères.`). */
function withoutPath(path: string, text: string): string {
  for (const prefix of [`${path} :`, `${path}:`])
    if (text.startsWith(prefix)) return text.slice(prefix.length).trim();
  return text;
}

/** One refused input field as `extensions.fields` lists it: its path and the message without the path. */
export interface FieldFailure {
  field: string;
  message: string;
}

/**
 * The validation pipe's error: BAD_USER_INPUT with French messages naming each field
 * (`extensions.validationErrors`) — English when the request prefers it — the first failing field's path in `extensions.field`
 * (class-validator's own messages are English), and each failure as `{ field, message }` in
 * `extensions.fields`, its message without the path, for a form to show on that field.
 * For `ValidationPipe({ exceptionFactory })`.
 */
export function frenchValidationError(errors: ValidationError[]): DomainError {
  const failures = flatten(errors);
  const texts = (language: ErrorLanguage) =>
    failures.length
      ? failures.map((f) => f.text[language])
      : [language === 'en' ? 'Invalid input.' : 'Donnée invalide.'];
  const language = errorLanguage();
  const fields: FieldFailure[] = failures.map((f) => ({
    field: f.path,
    message: withoutPath(f.path, f.text[language]),
  }));
  return DomainError.badInput(texts('fr').join(' '), {
    field: failures[0]?.path,
    validationErrors: texts(language),
    fields,
  }).inEnglish(texts('en').join(' '));
}
