import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { ErrorCode } from '@concerto/domain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { AccessDenied } from '../../admin/components/AccessDenied';
import { AdministeredSpaces } from '../../admin/components/AdministeredSpaces';
import { DemoBadge } from '../../ui/components/DemoBadge';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextField } from '../../ui/components/Fields';
import { RichTextField, type RichTextHandle } from '../../ui/components/RichTextField';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { SafeHtml } from '../../ui/components/SafeHtml';
import { ConfirmButton } from '../../ui/feedback/ConfirmButton';
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
 * giving the count) and « Supprimer ». Once sent: read only, with the sending progress
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
  const [errors, setErrors] = useState<{ subject?: string; body?: string }>({});
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<RichTextHandle>(null);
  const previewRef = useRef<HTMLHeadingElement>(null);
  const ids = useId();
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
    const found: typeof errors = {};
    if (!values.subject.trim()) found.subject = t('newsletters.subjectRequired');
    if (!values.body.trim()) found.body = t('newsletters.bodyRequired');
    setErrors(found);
    if (found.subject) return (subjectRef.current?.focus(), false);
    if (found.body) return (bodyRef.current?.focus(), false);
    try {
      await update({ variables: { id, input: { ...values, subject: values.subject.trim() } } });
      feedback.succeed(t('newsletters.saved'));
      return true;
    } catch (caught) {
      const info = feedback.fail(caught);
      if (
        info.code === ErrorCode.BAD_USER_INPUT &&
        (info.field === 'subject' || info.field === 'body')
      ) {
        setErrors({ [info.field]: info.serverMessage ?? t('errors.BAD_USER_INPUT') });
        (info.field === 'subject' ? subjectRef.current : bodyRef.current)?.focus();
      }
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
          <TextField
            label={t('newsletters.subject')}
            name="subject"
            required
            maxLength={200}
            value={values.subject}
            error={errors.subject}
            inputRef={subjectRef}
            onChange={(e) => set('subject', e.target.value)}
          />
          <RichTextField
            label={t('newsletters.body')}
            hint={t('newsletters.bodyHint')}
            name="body"
            required
            rows={10}
            value={values.body}
            error={errors.body}
            focusRef={bodyRef}
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
            <fieldset className="newsletters__choices">
              <legend>{t('newsletters.spacesLegend')}</legend>
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
            <fieldset className="newsletters__choices">
              <legend>{t('newsletters.typologiesLegend')}</legend>
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
