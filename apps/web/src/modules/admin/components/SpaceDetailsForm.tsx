import { useMutation } from '@apollo/client/react';
import { ErrorCode, SpaceLimits } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextAreaField, TextField } from '../../ui/components/Fields';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { parseApiError } from '../../ui/utils/apiError';
import { UPDATE_SPACE_MUTATION, type AdminSpace } from '../graphql/admin';
import { spaceFields, spaceProblems } from '../spaceChecks';

/**
 * Edits a space's slug, title, subtitle and description: checked with the API's limits before
 * sending; a problem (or the API's refusal of a field) is shown on its field, focus on the summary.
 */
export function SpaceDetailsForm({ space }: { space: AdminSpace }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const summary = useErrorSummary();
  const fields = spaceFields(t, 'space-details');
  const [values, setValues] = useState({
    slug: space.slug,
    title: space.title,
    subtitle: space.subtitle,
    description: space.description,
  });
  const [updateSpace, { loading }] = useMutation(UPDATE_SPACE_MUTATION, {
    refetchQueries: ['AdminSpaces', 'Spaces'],
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const problems = spaceProblems(t, fields, values);
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      const result = await updateSpace({
        variables: {
          id: space.id,
          input: {
            slug: values.slug.trim(),
            title: values.title.trim(),
            subtitle: values.subtitle.trim(),
            description: values.description,
          },
        },
      });
      const updated = result.data?.updateSpace;
      if (updated && updated.slug !== space.slug) {
        navigate(`/admin/espaces/${updated.slug}`, {
          replace: true,
          state: { flash: t('admin.spaceSaved') },
        });
        return;
      }
      feedback.succeed(t('admin.spaceSaved'));
    } catch (error) {
      if (parseApiError(error).code === ErrorCode.CONFLICT)
        summary.report([
          { fieldId: fields.slug.id, message: t('admin.slugTaken', { label: fields.slug.label }) },
        ]);
      else if (!summary.reportApiError(error, fields)) feedback.fail(error);
    }
  }

  return (
    <section aria-labelledby="space-details" className="panel">
      <h2 id="space-details">{t('admin.detailsHeading')}</h2>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary state={summary} />
        <TextField
          {...summary.fieldProps(fields.slug)}
          name="slug"
          required
          autoComplete="off"
          spellCheck={false}
          maxLength={SpaceLimits.slugMaxLength}
          hint={t('admin.slugHint')}
          value={values.slug}
          onChange={(event) => setValues({ ...values, slug: event.target.value })}
        />
        <TextField
          {...summary.fieldProps(fields.title)}
          name="title"
          required
          maxLength={SpaceLimits.titleMaxLength}
          value={values.title}
          onChange={(event) => setValues({ ...values, title: event.target.value })}
        />
        <TextField
          {...summary.fieldProps(fields.subtitle)}
          name="subtitle"
          maxLength={SpaceLimits.subtitleMaxLength}
          value={values.subtitle}
          onChange={(event) => setValues({ ...values, subtitle: event.target.value })}
        />
        <TextAreaField
          {...summary.fieldProps(fields.description)}
          name="description"
          rows={8}
          maxLength={SpaceLimits.descriptionMaxLength}
          hint={t('admin.descriptionHint')}
          value={values.description}
          onChange={(event) => setValues({ ...values, description: event.target.value })}
        />
        <FeedbackMessages feedback={feedback} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={loading}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
