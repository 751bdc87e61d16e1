import type { TFunction } from 'i18next';
import type { FieldProblem, FormField } from './ErrorSummary';

/** An e-mail address's shape (the API checks it fully). */
export const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The length check of a text field, with the limits the API applies (`@concerto/domain`), on the
 * trimmed text. `min` > 0 makes the field required.
 * @returns the field's problem, naming it by its label, or null
 */
export function textProblem(
  t: TFunction,
  field: FormField,
  value: string,
  limits: { min?: number; max?: number },
): FieldProblem | null {
  const length = value.trim().length;
  const { min = 0, max } = limits;
  if (min > 0 && length === 0)
    return { fieldId: field.id, message: t('forms.required', { label: field.label }) };
  if (length < min || (max !== undefined && length > max))
    return {
      fieldId: field.id,
      message:
        max === undefined
          ? t('forms.tooShort', { label: field.label, min })
          : min > 1
            ? t('forms.lengthBetween', { label: field.label, min, max })
            : t('forms.tooLong', { label: field.label, max }),
    };
  return null;
}

/**
 * A required e-mail address.
 * @param maxLength the API's limit on the address
 * @returns the field's problem, or null
 */
export function emailProblem(
  t: TFunction,
  field: FormField,
  value: string,
  maxLength = 254,
): FieldProblem | null {
  const email = value.trim();
  if (!email) return { fieldId: field.id, message: t('forms.required', { label: field.label }) };
  if (!EMAIL_SHAPE.test(email) || email.length > maxLength)
    return { fieldId: field.id, message: t('forms.emailInvalid', { label: field.label }) };
  return null;
}

/**
 * A whole number between `min` and `max` (the text of a number input).
 * @returns the field's problem, or null
 */
export function integerProblem(
  t: TFunction,
  field: FormField,
  value: string,
  min: number,
  max: number,
): FieldProblem | null {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max)
    return {
      fieldId: field.id,
      message: t('forms.integerBetween', { label: field.label, min, max }),
    };
  return null;
}

/** The problems found, in the form's order (nulls are checks that passed). */
export const problemsOf = (
  ...checks: (FieldProblem | null | false | undefined)[]
): FieldProblem[] => checks.filter((check): check is FieldProblem => Boolean(check));
