import { AccountRules, SpaceLimits } from '@concerto/domain';
import type { TFunction } from 'i18next';
import type { FieldProblem, FormField } from '../ui/feedback/ErrorSummary';
import { emailProblem, problemsOf, textProblem } from '../ui/feedback/fieldChecks';

/** The fields of an assembly member (added or invited), by the API's input key. */
export type MemberFields = {
  email: FormField;
  position: FormField;
  college: FormField;
  weight: FormField;
};

/** The fields of a member form, with ids prefixed by `prefix` and the form's own e-mail label. */
export const memberFields = (t: TFunction, prefix: string, emailLabel: string): MemberFields => ({
  email: { id: `${prefix}-email`, label: emailLabel },
  position: { id: `${prefix}-position`, label: t('admin.position') },
  college: { id: `${prefix}-college`, label: t('admin.college') },
  weight: { id: `${prefix}-weight`, label: t('admin.weight') },
});

/** A vote weight as typed (a decimal comma is accepted); NaN when it is not a number. */
export const weightOf = (text: string): number =>
  text.trim() === '' ? NaN : Number(text.trim().replace(',', '.'));

/**
 * The checks the API applies to a member's e-mail, college and vote weight
 * ({@link SpaceLimits}), in the form's order.
 */
export function memberProblems(
  t: TFunction,
  fields: MemberFields,
  values: { email: string; college: string; weight: string },
): FieldProblem[] {
  const weight = weightOf(values.weight);
  return problemsOf(
    emailProblem(t, fields.email, values.email, AccountRules.emailMaxLength),
    textProblem(t, fields.college, values.college, { max: SpaceLimits.memberCollegeMaxLength }),
    (!Number.isFinite(weight) ||
      weight < SpaceLimits.memberWeightMin ||
      weight > SpaceLimits.memberWeightMax) && {
      fieldId: fields.weight.id,
      message: t('admin.weightInvalid', {
        label: fields.weight.label,
        max: SpaceLimits.memberWeightMax,
      }),
    },
  );
}
