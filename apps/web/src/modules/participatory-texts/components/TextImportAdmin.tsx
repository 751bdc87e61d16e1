import { useMutation, useQuery } from '@apollo/client/react';
import { ParticipatoryTextLimits } from '@concerto/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../components/components/Markdown';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import {
  CheckboxField,
  SelectField,
  TextAreaField,
  VisuallyHidden,
} from '../../ui/components/Fields';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { problemsOf, textProblem } from '../../ui/feedback/fieldChecks';
import { useFeedback } from '../../ui/hooks/useFeedback';
import {
  IMPORT_PARTICIPATORY_TEXT_MUTATION,
  PARTICIPATORY_TEXT_QUERY,
  PARTICIPATORY_TEXT_SOURCE_QUERY,
  PUBLISH_PARTICIPATORY_TEXT_MUTATION,
  UPDATE_AMENDMENT_SETTINGS_MUTATION,
  type ParticipatoryText,
} from '../graphql/texts';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/**
 * Space admin: paste Markdown, import it (preview of sections and numbered articles), edit and
 * re-import, then publish. Once published the structure is fixed (only amendments change it).
 * The Markdown is checked ({@link ParticipatoryTextLimits}) before sending; a problem, or the API's
 * refusal (no paragraph to split), is shown on the field with focus on the error summary.
 */
export function TextImportAdmin({ componentId, title }: { componentId: string; title: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className="text-import">
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('texts.admin.open')}
        <VisuallyHidden>{` ${title}`}</VisuallyHidden>
      </button>
      {open ? <TextImportForm componentId={componentId} /> : null}
    </div>
  );
}

function TextImportForm({ componentId }: { componentId: string }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const summary = useErrorSummary();
  const prefix = useId();
  /** The form's field, by the API's argument name. */
  const fields = { markdown: { id: `${prefix}-markdown`, label: t('texts.admin.markdown') } };
  const text = useQuery(PARTICIPATORY_TEXT_QUERY, { variables: { componentId } });
  const source = useQuery(PARTICIPATORY_TEXT_SOURCE_QUERY, { variables: { componentId } });
  const [markdown, setMarkdown] = useState<string | null>(null);
  const [importText, importState] = useMutation(IMPORT_PARTICIPATORY_TEXT_MUTATION, {
    refetchQueries: ['ParticipatoryText'],
    awaitRefetchQueries: true,
  });
  const [publish, publishState] = useMutation(PUBLISH_PARTICIPATORY_TEXT_MUTATION, {
    refetchQueries: ['ParticipatoryText'],
    awaitRefetchQueries: true,
  });
  const current = text.data?.participatoryText ?? null;
  const value = markdown ?? source.data?.participatoryTextSource ?? '';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const problems = problemsOf(
      textProblem(t, fields.markdown, value, {
        min: 1,
        max: ParticipatoryTextLimits.importMaxLength,
      }),
    );
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      const result = await importText({ variables: { componentId, markdown: value } });
      const imported = result.data?.importParticipatoryText;
      feedback.succeed(
        t('texts.admin.imported', {
          sections: imported?.sections.length ?? 0,
          articles: imported?.articlesCount ?? 0,
        }),
      );
    } catch (error) {
      if (!summary.reportApiError(error, fields)) feedback.fail(error);
    }
  }

  async function publishText() {
    feedback.clear();
    try {
      await publish({ variables: { componentId } });
      feedback.succeed(t('texts.admin.published'));
    } catch (error) {
      feedback.fail(error);
    }
  }

  if (current?.published) {
    return (
      <div className="panel">
        <p>{t('texts.admin.alreadyPublished', { articles: current.articlesCount })}</p>
        <AmendmentSettingsForm componentId={componentId} text={current} />
      </div>
    );
  }
  return (
    <div className="panel">
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary state={summary} />
        <TextAreaField
          {...summary.fieldProps(fields.markdown)}
          hint={t('texts.admin.markdownHint')}
          rows={12}
          value={value}
          onChange={(e) => setMarkdown(e.target.value)}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={importState.loading}>
            {t('texts.admin.import')}
          </button>
        </div>
      </form>
      <FeedbackMessages feedback={feedback} />
      {current ? (
        <ImportPreview
          text={current}
          onPublish={() => void publishText()}
          publishing={publishState.loading}
        />
      ) : null}
    </div>
  );
}

function ImportPreview({
  text,
  onPublish,
  publishing,
}: {
  text: ParticipatoryText;
  onPublish: () => void;
  publishing: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <h4>
        {t('texts.admin.preview', { sections: text.sections.length, articles: text.articlesCount })}
      </h4>
      <div className="import-preview">
        {[...text.preamble, ...text.sections.flatMap((s) => [{ heading: s }, ...s.articles])].map(
          (item) =>
            'heading' in item ? (
              <p key={item.heading.id} className="import-preview__heading">
                <strong lang={CONTENT_LANGUAGE}>
                  {`${'#'.repeat(item.heading.level)} ${item.heading.title}`}
                </strong>
              </p>
            ) : (
              <div key={item.id}>
                <p className="muted">{t('texts.article', { number: item.number })}</p>
                <Markdown source={item.body} className="prose" />
              </div>
            ),
        )}
      </div>
      <div className="form__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={onPublish}
          disabled={publishing}
        >
          {t('texts.admin.publish')}
        </button>
      </div>
    </div>
  );
}

/** Decidim's amendment settings of the component: enabled, and who sees amendments. */
function AmendmentSettingsForm({
  componentId,
  text,
}: {
  componentId: string;
  text: ParticipatoryText;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [enabled, setEnabled] = useState(text.settings.amendmentsEnabled);
  const [visibility, setVisibility] = useState(text.settings.amendmentsVisibility);
  const [save, state] = useMutation(UPDATE_AMENDMENT_SETTINGS_MUTATION, {
    refetchQueries: ['ParticipatoryText'],
    awaitRefetchQueries: true,
  });
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    try {
      await save({
        variables: {
          componentId,
          input: { amendmentsEnabled: enabled, amendmentsVisibility: visibility },
        },
      });
      feedback.succeed(t('texts.admin.settingsSaved'));
    } catch (error) {
      feedback.fail(error);
    }
  }
  return (
    <form className="form" noValidate onSubmit={submit} aria-label={t('texts.admin.settings')}>
      <CheckboxField
        label={t('texts.admin.amendmentsEnabled')}
        checked={enabled}
        onChange={(e) => setEnabled(e.target.checked)}
      />
      <SelectField
        label={t('texts.admin.amendmentsVisibility')}
        value={visibility}
        onChange={(e) => setVisibility(e.target.value as 'ALL' | 'ONLY_OWN')}
        options={[
          { value: 'ALL', label: t('texts.admin.visibilityAll') },
          { value: 'ONLY_OWN', label: t('texts.admin.visibilityOwn') },
        ]}
      />
      <FeedbackMessages feedback={feedback} />
      <div className="form__actions">
        <button type="submit" className="button" disabled={state.loading}>
          {t('texts.admin.saveSettings')}
        </button>
      </div>
    </form>
  );
}
