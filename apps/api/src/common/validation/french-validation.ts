import type { ValidationError } from 'class-validator';
import { DomainError } from '../errors/domain-error';

/** The first number of a class-validator message (`must be longer than or equal to 3 characters` → 3). */
const numberIn = (message: string): string => /-?\d+(?:\.\d+)?/.exec(message)?.[0] ?? '';

const plural = (n: string, one: string, many: string) => (Math.abs(Number(n)) >= 2 ? many : one);

/** French text of one failed constraint of the input field at `path`. */
function frenchConstraint(path: string, constraint: string, message: string): string {
  const n = numberIn(message);
  switch (constraint) {
    case 'minLength':
      return `${path} : au moins ${n} ${plural(n, 'caractère', 'caractères')}.`;
    case 'maxLength':
      return `${path} : ${n} ${plural(n, 'caractère', 'caractères')} au plus.`;
    case 'arrayMinSize':
      return `${path} : au moins ${n} ${plural(n, 'élément', 'éléments')}.`;
    case 'arrayMaxSize':
      return `${path} : ${n} ${plural(n, 'élément', 'éléments')} au plus.`;
    case 'min':
      return `${path} : au moins ${n}.`;
    case 'max':
      return `${path} : ${n} au plus.`;
    case 'isEmail':
      return `${path} : adresse e-mail invalide.`;
    case 'isUuid':
    case 'isUUID':
      return `${path} : identifiant invalide.`;
    case 'isInt':
      return `${path} : un nombre entier est attendu.`;
    case 'isNumber':
      return `${path} : un nombre est attendu.`;
    case 'isEnum':
    case 'isIn':
      return `${path} : valeur inconnue.`;
    case 'isBoolean':
      return `${path} : vrai ou faux est attendu.`;
    case 'isString':
      return `${path} : un texte est attendu.`;
    case 'isArray':
      return `${path} : une liste est attendue.`;
    case 'isNotEmpty':
    case 'isDefined':
      return `${path} : obligatoire.`;
    case 'whitelistValidation':
      return `${path} : champ inconnu.`;
    default:
      // constraints written for Concerto carry their own French message
      return /[àâçéèêëîïôûùüÿœ]|\b(au moins|au plus|invalide|attendu)\b/i.test(message) ? message : `${path} : valeur invalide.`;
  }
}

/** Every failed constraint with its input path (`questions.0.options`), depth first. */
function flatten(errors: ValidationError[], parent = ''): { path: string; text: string }[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({ path, text: frenchConstraint(path, constraint, message) }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/**
 * The validation pipe's error: BAD_USER_INPUT with French messages naming each field
 * (`extensions.validationErrors`) and the first failing field's path in `extensions.field`
 * (class-validator's own messages are English). For `ValidationPipe({ exceptionFactory })`.
 */
export function frenchValidationError(errors: ValidationError[]): DomainError {
  const failures = flatten(errors);
  const messages = failures.length ? failures.map((f) => f.text) : ['Donnée invalide.'];
  return DomainError.badInput(messages.join(' '), { field: failures[0]?.path, validationErrors: messages });
}
