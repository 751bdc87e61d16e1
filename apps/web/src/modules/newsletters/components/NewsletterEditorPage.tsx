import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { NewsletterLimits } from '@concerto/domain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { AccessDenied } from '../../admin/components/AccessDenied';
import { AdministeredSpaces } from '../../admin/components/AdministeredSpaces';
import { DemoBadge } from '../../ui/components/DemoBadge';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextField } from '../../ui/components/Fields';
import { RichTextField } from '../../ui/components/RichTextField';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { SafeHtml } from '../../ui/components/SafeHtml';
import { ConfirmButton } from '../../ui/feedback/ConfirmButton';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { problemsOf, textProblem } from '../../ui/feedback/fieldChecks';
import { richTextPlain } from '../../ui/rich-text-plain';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { useFeedback } from '../../ui/hooks/useFeedback';
import {
  DELETE_NEWSLETTER_MUTATION,
  NEWSLETTER_BLOCKS,
  NEWSLETTER_EDITOR_QUERY,
  NEWSLETTER_PREVIEW_QUERY,
  SEND_NEWSLETTER_MUTATION,
  SEND_NEWSLETTER_TEST_MUTATION,
  UPDATE_NEWSLETTER_MUTATION,
  type NewsletterAudience,
  type NewsletterBlock,
  type NewsletterInput,
} from '../graphql/newsletters';
import { NewsletterProgressText } from './NewsletterProgressText';
import '../newsletters.css';
import { UserText } from '../../ui/components/UserText';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

const REFRESH = { refetchQueries: ['NewsletterEditor'], awaitRefetchQueries: true };

/**
 * `/admin/lettres/:id`: one newsletter, for organization admins. A draft: its subject, text,
 * content blocks and recipients (« Enregistrer le brouillon »), the recipient count, « Aperçu »
 * (the mail as rendered by the API), « M’envoyer un test », « Envoyer » (a confirmation dialog
 * giving the count) and « Supprimer ». The draft is checked with {@link NewsletterLimits} (and a
 * chosen audience needs its spaces or typologies) before saving; each problem, and each field the
 * API refuses, is shown on its field with focus on the error summary. Once sent: read only, with the sending progress
 * (« Actualiser » reads it again).
 */
export function NewsletterEditorPage() {
  return (
    <AdministeredSpaces>
      {(_spaces, isOrgAdmin) => (isOrgAdmin ? <EditorView /> : <AccessDenied signedIn />)}
    </AdministeredSpaces>
  );
}

/** The form's values: every field of {@link NewsletterInput}, filled. */
type Values = Required<{ [K in keyof NewsletterInput]: NonNullable<NewsletterInput[K]> }>;

function EditorView() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const { data, loading, error, refetch } = useQuery(NEWSLETTER_EDITOR_QUERY, {
    variables: { id },
    fetchPolicy: 'network-only',
  });
  const [update, updateState] = useMutation(UPDATE_NEWSLETTER_MUTATION, REFRESH);
  const [sendTest, testState] = useMutation(SEND_NEWSLETTER_TEST_MUTATION);
  const [send] = useMutation(SEND_NEWSLETTER_MUTATION, REFRESH);
  const [remove] = useMutation(DELETE_NEWSLETTER_MUTATION);
  const [loadPreview, preview] = useLazyQuery(NEWSLETTER_PREVIEW_QUERY, {
    fetchPolicy: 'network-only',
  });
  const [values, setValues] = useState<Values | null>(null);
  const summary = useErrorSummary();
  const previewRef = useRef<HTMLHeadingElement>(null);
  const ids = useId();
  /** The draft's fields, by the API's input key. */
  const fields = {
    subject: { id: `${ids}-subject`, label: t('newsletters.subject') },
    body: { id: `${ids}-body`, label: t('newsletters.body') },
    spaceIds: { id: `${ids}-spaces`, label: t('newsletters.spacesLegend') },
    typologyKeys: { id: `${ids}-typologies`, label: t('newsletters.typologiesLegend') },
  };
  /** A fieldset's error (its spaces or typologies), tied to the group by `aria-describedby`. */
  const groupError = (field: { id: string }) => {
    const message = summary.errorOf(field.id);
    return message ? (
      <p id={`${field.id}-error`} className="field__error">
        {message}
      </p>
    ) : null;
  };
  const groupProps = (field: { id: string }) => ({
    id: field.id,
    tabIndex: -1,
    'aria-describedby': summary.errorOf(field.id) ? `${field.id}-error` : undefined,
  });
  const newsletter = data?.newsletter;
  useDocumentTitle(newsletter ? newsletter.subject : t('newsletters.title'));

  useEffect(() => {
    if (!newsletter) return;
    setValues({
      subject: newsletter.subject,
      body: newsletter.body,
      blocks: newsletter.blocks as NewsletterBlock[],
      audience: newsletter.audience as NewsletterAudience,
      spaceIds: newsletter.spaceIds,
      typologyKeys: newsletter.typologyKeys,
    });
  }, [newsletter]);

  if (error && !data) return <QueryErrorView error={error} onRetry={() => void refetch()} />;
  if ((loading && !data) || !newsletter || !values) return <Loading />;
  const draft = newsletter.status === 'DRAFT';
  const count = data.newsletterRecipientCount;

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((current) => (current ? { ...current, [key]: value } : current));
  }
  function toggle(key: 'blocks' | 'spaceIds' | 'typologyKeys', value: string, on: boolean) {
    setValues((current) => {
      if (!current) return current;
      const list = current[key] as string[];
      const next = on ? [...list, value] : list.filter((v) => v !== value);
      return { ...current, [key]: next };
    });
  }

  async function save(event?: FormEvent<HTMLFormElement>): Promise<boolean> {
    event?.preventDefault();
    if (!values) return false;
    feedback.clear();
    const problems = problemsOf(
      textProblem(t, fields.subject, values.subject, {
        min: 1,
        max: NewsletterLimits.subjectMaxLength,
      }),
      textProblem(t, fields.body, richTextPlain(values.body), {
        min: 1,
        max: NewsletterLimits.bodyMaxLength,
      }),
      values.audience === 'SPACES' &&
        values.spaceIds.length === 0 && {
          fieldId: fields.spaceIds.id,
          message: t('newsletters.spacesRequired', { label: fields.spaceIds.label }),
        },
      values.audience === 'TYPOLOGIES' &&
        values.typologyKeys.length === 0 && {
          fieldId: fields.typologyKeys.id,
          message: t('newsletters.typologiesRequired', { label: fields.typologyKeys.label }),
        },
    );
    summary.report(problems);
    if (problems.length > 0) return false;
    try {
      await update({ variables: { id, input: { ...values, subject: values.subject.trim() } } });
      feedback.succeed(t('newsletters.saved'));
      return true;
    } catch (caught) {
      if (!summary.reportApiError(caught, fields)) feedback.fail(caught);
      return false;
    }
  }

  async function showPreview() {
    feedback.clear();
    try {
      await loadPreview({ variables: { id } });
      previewRef.current?.focus();
    } catch (caught) {
      feedback.fail(caught);
    }
  }

  async function test() {
    feedback.clear();
    try {
      const result = await sendTest({ variables: { id } });
      feedback.succeed(t('newsletters.testSent', { email: result.data?.sendNewsletterTest ?? '' }));
    } catch (caught) {
      feedback.fail(caught);
    }
  }

  async function confirmSend() {
    feedback.clear();
    try {
      const result = await send({ variables: { id } });
      feedback.succeed(
        t('newsletters.sent', { count: result.data?.sendNewsletter.progress?.total ?? count }),
      );
    } catch (caught) {
      feedback.fail(caught);
    }
  }

  async function confirmDelete() {
    feedback.clear();
    try {
      await remove({ variables: { id } });
      void navigate('/admin/lettres');
    } catch (caught) {
      feedback.fail(caught);
    }
  }

  return (
    <section className="page newsletters" aria-labelledby="page-title">
      <p>
        <Link to="/admin/lettres">{t('newsletters.back')}</Link>
      </p>
      <h1 id="page-title">
        <UserText>{newsletter.subject}</UserText> {newsletter.isDemo ? <DemoBadge /> : null}
      </h1>
      <p>
        <span className="badge">{t(`newsletters.status.${newsletter.status}`)}</span>
      </p>
      <p role="status" data-testid="newsletter-count">
        {t('newsletters.count', { count })}
      </p>
      {newsletter.progress ? (
        <section className="panel" aria-labelledby={`${ids}-progress`}>
          <h2 id={`${ids}-progress`}>{t('newsletters.progressHeading')}</h2>
          <NewsletterProgressText progress={newsletter.progress} />
          <button type="button" className="button" onClick={() => void refetch()}>
            {t('newsletters.refresh')}
          </button>
        </section>
      ) : null}
      {draft ? (
        <form
          className="form panel"
          noValidate
          onSubmit={(e) => void save(e)}
          aria-labelledby={`${ids}-edit`}
        >
          <h2 id={`${ids}-edit`}>{t('newsletters.editHeading')}</h2>
          <ErrorSummary state={summary} />
          <TextField
            {...summary.fieldProps(fields.subject)}
            name="subject"
            required
            maxLength={NewsletterLimits.subjectMaxLength}
            value={values.subject}
            onChange={(e) => set('subject', e.target.value)}
          />
          <RichTextField
            {...summary.fieldProps(fields.body)}
            hint={t('newsletters.bodyHint')}
            name="body"
            required
            rows={10}
            value={values.body}
            onChange={(body) => set('body', body)}
          />
          <fieldset className="newsletters__choices">
            <legend>{t('newsletters.blocksLegend')}</legend>
            {NEWSLETTER_BLOCKS.map((block) => (
              <label key={block} className="checkbox">
                <input
                  type="checkbox"
                  checked={values.blocks.includes(block)}
                  onChange={(e) => toggle('blocks', block, e.target.checked)}
                />{' '}
                {t(`newsletters.blocks.${block}`)}
              </label>
            ))}
          </fieldset>
          <fieldset className="newsletters__choices">
            <legend>{t('newsletters.audienceLegend')}</legend>
            {(['ALL', 'SPACES', 'TYPOLOGIES'] as const).map((audience) => (
              <label key={audience} className="checkbox">
                <input
                  type="radio"
                  name="audience"
                  value={audience}
                  checked={values.audience === audience}
                  onChange={() => set('audience', audience)}
                />{' '}
                {t(`newsletters.audience.${audience}`)}
              </label>
            ))}
          </fieldset>
          {values.audience === 'SPACES' ? (
            <fieldset className="newsletters__choices" {...groupProps(fields.spaceIds)}>
              <legend>{fields.spaceIds.label}</legend>
              {groupError(fields.spaceIds)}
              {data.spaces.map((space) => (
                <label key={space.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={values.spaceIds.includes(space.id)}
                    onChange={(e) => toggle('spaceIds', space.id, e.target.checked)}
                  />{' '}
                  <UserText>{space.title}</UserText>
                </label>
              ))}
            </fieldset>
          ) : null}
          {values.audience === 'TYPOLOGIES' ? (
            <fieldset className="newsletters__choices" {...groupProps(fields.typologyKeys)}>
              <legend>{fields.typologyKeys.label}</legend>
              {groupError(fields.typologyKeys)}
              {data.memberTypologies.map((typology) => (
                <label key={typology.key} className="checkbox">
                  <input
                    type="checkbox"
                    checked={values.typologyKeys.includes(typology.key)}
                    onChange={(e) => toggle('typologyKeys', typology.key, e.target.checked)}
                  />{' '}
                  <UserText>{typology.label}</UserText>
                </label>
              ))}
            </fieldset>
          ) : null}
          <div className="newsletters__actions">
            <button
              type="submit"
              className="button button--primary"
              aria-disabled={updateState.loading || undefined}
            >
              {t('newsletters.save')}
            </button>
          </div>
        </form>
      ) : (
        <p className="muted">{t('newsletters.readOnly')}</p>
      )}
      <FeedbackMessages feedback={feedback} />
      <div className="newsletters__actions">
        <button type="button" className="button" onClick={() => void showPreview()}>
          {t('newsletters.preview')}
        </button>
        <button
          type="button"
          className="button"
          aria-disabled={testState.loading || undefined}
          onClick={() => void test()}
        >
          {t('newsletters.test')}
        </button>
        {draft ? (
          <>
            <ConfirmButton
              label={t('newsletters.send')}
              className="button button--primary"
              question={t('newsletters.sendQuestion', { subject: newsletter.subject })}
              description={t('newsletters.sendDescription', { count })}
              onConfirm={confirmSend}
            />
            <ConfirmButton
              label={t('newsletters.delete')}
              danger
              question={t('newsletters.deleteQuestion', { subject: newsletter.subject })}
              onConfirm={confirmDelete}
            />
          </>
        ) : null}
      </div>
      {preview.data ? (
        <section className="panel" aria-labelledby={`${ids}-preview`}>
          <h2 id={`${ids}-preview`} ref={previewRef} tabIndex={-1}>
            {t('newsletters.previewHeading')}
          </h2>
          <div
            className="newsletters__preview"
            role="document"
            aria-label={t('newsletters.previewFrame', {
              subject: preview.data.newsletterPreview.subject,
            })}
          >
            <p>
              <strong lang={CONTENT_LANGUAGE}>{preview.data.newsletterPreview.subject}</strong>
            </p>
            <SafeHtml html={preview.data.newsletterPreview.html} />
          </div>
        </section>
      ) : null}
    </section>
  );
}
