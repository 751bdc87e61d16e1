import { useMutation } from '@apollo/client/react';
import { ErrorCode, SpaceLimits, SpaceType } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/components/Fields';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { parseApiError } from '../../ui/utils/apiError';
import { CREATE_SPACE_MUTATION } from '../graphql/admin';
import { spaceFields, spaceProblems } from '../spaceChecks';

const EMPTY = {
  type: SpaceType.PROCESS as SpaceType,
  slug: '',
  title: '',
  subtitle: '',
  description: '',
  published: false,
};

/** "Nouvel espace" (organisation admins): checked like {@link SpaceDetailsForm} before sending. */
export function NewSpaceForm() {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [values, setValues] = useState(EMPTY);
  const summary = useErrorSummary();
  const fields = spaceFields(t, 'new-space');
  const [created, setCreated] = useState<{ slug: string; title: string } | null>(null);
  const [createSpace, { loading }] = useMutation(CREATE_SPACE_MUTATION, {
    refetchQueries: ['AdminSpaces', 'Spaces', 'AdministeredSpaces'],
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    setCreated(null);
    const problems = spaceProblems(t, fields, values);
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      const result = await createSpace({
        variables: {
          input: {
            type: values.type,
            slug: values.slug.trim(),
            title: values.title.trim(),
            subtitle: values.subtitle.trim() || undefined,
            description: values.description.trim() || undefined,
            published: values.published,
          },
        },
      });
      const space = result.data?.createSpace;
      setValues(EMPTY);
      if (space) {
        setCreated({ slug: space.slug, title: space.title });
        feedback.succeed(t('admin.spaceCreated', { title: space.title }));
      }
    } catch (error) {
      if (parseApiError(error).code === ErrorCode.CONFLICT)
        summary.report([
          { fieldId: fields.slug.id, message: t('admin.slugTaken', { label: fields.slug.label }) },
        ]);
      else if (!summary.reportApiError(error, fields)) feedback.fail(error);
    }
  }

  return (
    <section aria-labelledby="new-space" className="panel">
      <h2 id="new-space">{t('admin.newSpace')}</h2>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary state={summary} />
        <SelectField
          label={t('admin.type')}
          name="type"
          value={values.type}
          onChange={(event) => setValues({ ...values, type: event.target.value as SpaceType })}
          options={[
            { value: SpaceType.PROCESS, label: t('spaces.typeLabel.PROCESS') },
            { value: SpaceType.ASSEMBLY, label: t('spaces.typeLabel.ASSEMBLY') },
          ]}
        />
        <TextField
          {...summary.fieldProps(fields.slug)}
          name="slug"
          required
          autoComplete="off"
          spellCheck={false}
          maxLength={SpaceLimits.slugMaxLength}
          value={values.slug}
          hint={t('admin.slugHint')}
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
          rows={5}
          maxLength={SpaceLimits.descriptionMaxLength}
          hint={t('admin.descriptionHint')}
          value={values.description}
          onChange={(event) => setValues({ ...values, description: event.target.value })}
        />
        <CheckboxField
          label={t('admin.publishedField')}
          name="published"
          checked={values.published}
          onChange={(event) => setValues({ ...values, published: event.target.checked })}
        />
        <FeedbackMessages feedback={feedback} />
        {created ? (
          <p>
            <Link to={`/admin/espaces/${created.slug}`}>
              {t('admin.editSpace')} {t('admin.editSpaceOf', { title: created.title })}
            </Link>
          </p>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={loading}>
            {t('admin.createSpace')}
          </button>
        </div>
      </form>
    </section>
  );
}
