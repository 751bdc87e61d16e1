import { SpaceLimits } from '@concerto/domain';
import type { TFunction } from 'i18next';
import type { FieldProblem, FormField } from '../ui/feedback/ErrorSummary';
import { problemsOf, textProblem } from '../ui/feedback/fieldChecks';

/** The text fields of a space (new space and « Détails »), by the API's input key. */
export type SpaceFields = {
  slug: FormField;
  title: FormField;
  subtitle: FormField;
  description: FormField;
};

/** The fields of a space form, with ids prefixed by `prefix` (one per form on the page). */
export const spaceFields = (t: TFunction, prefix: string): SpaceFields => ({
  slug: { id: `${prefix}-slug`, label: t('admin.slug') },
  title: { id: `${prefix}-title`, label: t('admin.spaceTitle') },
  subtitle: { id: `${prefix}-subtitle`, label: t('admin.subtitle') },
  description: { id: `${prefix}-description`, label: t('admin.description') },
});

/**
 * The checks the API applies to a space's slug, title, subtitle and description
 * ({@link SpaceLimits}), in the form's order.
 */
export function spaceProblems(
  t: TFunction,
  fields: SpaceFields,
  values: { slug: string; title: string; subtitle: string; description: string },
): FieldProblem[] {
  const slug = values.slug.trim();
  return problemsOf(
    !SpaceLimits.slugPattern.test(slug) || slug.length > SpaceLimits.slugMaxLength
      ? {
          fieldId: fields.slug.id,
          message: t('admin.slugInvalid', {
            label: fields.slug.label,
            max: SpaceLimits.slugMaxLength,
          }),
        }
      : null,
    textProblem(t, fields.title, values.title, {
      min: SpaceLimits.titleMinLength,
      max: SpaceLimits.titleMaxLength,
    }),
    textProblem(t, fields.subtitle, values.subtitle, { max: SpaceLimits.subtitleMaxLength }),
    textProblem(t, fields.description, values.description, {
      max: SpaceLimits.descriptionMaxLength,
    }),
  );
}
