import { useMutation } from '@apollo/client/react';
import { SpaceLimits } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextAreaField, TextField } from '../../ui/components/Fields';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { UPDATE_SPACE_MUTATION, type AdminSpace } from '../graphql/admin';

/** Edits a space's slug, title, subtitle and description. */
export function SpaceDetailsForm({ space }: { space: AdminSpace }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const feedback = useFeedback();
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
      feedback.fail(error);
    }
  }

  return (
    <section aria-labelledby="space-details" className="panel">
      <h2 id="space-details">{t('admin.detailsHeading')}</h2>
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          label={t('admin.slug')}
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
          label={t('admin.spaceTitle')}
          name="title"
          required
          maxLength={SpaceLimits.titleMaxLength}
          value={values.title}
          onChange={(event) => setValues({ ...values, title: event.target.value })}
        />
        <TextField
          label={t('admin.subtitle')}
          name="subtitle"
          maxLength={SpaceLimits.subtitleMaxLength}
          value={values.subtitle}
          onChange={(event) => setValues({ ...values, subtitle: event.target.value })}
        />
        <TextAreaField
          label={t('admin.description')}
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
