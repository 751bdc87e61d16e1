import { useMutation, useQuery } from '@apollo/client/react';
import { ErrorCode } from '@concerto/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { AccessDenied } from '../../admin/components/AccessDenied';
import { AdministeredSpaces } from '../../admin/components/AdministeredSpaces';
import { DateTime } from '../../ui/components/DateTime';
import { DemoBadge } from '../../ui/components/DemoBadge';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextField } from '../../ui/components/Fields';
import { RichTextField, type RichTextHandle } from '../../ui/components/RichTextField';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { CREATE_NEWSLETTER_MUTATION, NEWSLETTERS_QUERY } from '../graphql/newsletters';
import { NewsletterProgressText } from './NewsletterProgressText';
import '../newsletters.css';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/**
 * `/admin/lettres`: « Lettres d’information », for organization admins only (others get
 * « Accès réservé »): every newsletter with its status and sending progress, and a form that
 * creates a draft (then opens it in `/admin/lettres/:id`).
 */
export function NewslettersAdminPage() {
  return (
    <AdministeredSpaces>
      {(_spaces, isOrgAdmin) => (isOrgAdmin ? <NewslettersView /> : <AccessDenied signedIn />)}
    </AdministeredSpaces>
  );
}

function NewslettersView() {
  const { t } = useTranslation();
  useDocumentTitle(t('newsletters.title'));
  const navigate = useNavigate();
  const feedback = useFeedback();
  const { data, loading, error, refetch } = useQuery(NEWSLETTERS_QUERY, {
    fetchPolicy: 'network-only',
  });
  const [create, createState] = useMutation(CREATE_NEWSLETTER_MUTATION);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<{ subject?: string; body?: string }>({});
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<RichTextHandle>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (createState.loading) return;
    feedback.clear();
    const found: typeof errors = {};
    if (!subject.trim()) found.subject = t('newsletters.subjectRequired');
    if (!body.trim()) found.body = t('newsletters.bodyRequired');
    setErrors(found);
    if (found.subject) return subjectRef.current?.focus();
    if (found.body) return bodyRef.current?.focus();
    try {
      const result = await create({ variables: { input: { subject: subject.trim(), body } } });
      const id = result.data?.createNewsletter.id;
      if (id) void navigate(`/admin/lettres/${id}`);
    } catch (caught) {
      const info = feedback.fail(caught);
      if (
        info.code === ErrorCode.BAD_USER_INPUT &&
        (info.field === 'subject' || info.field === 'body')
      ) {
        setErrors({ [info.field]: info.serverMessage ?? t('errors.BAD_USER_INPUT') });
        (info.field === 'subject' ? subjectRef.current : bodyRef.current)?.focus();
      }
    }
  }

  const newsletters = data?.newsletters ?? [];
  return (
    <section className="page newsletters" aria-labelledby="page-title">
      <p>
        <Link to="/admin">{t('admin.title')}</Link>
      </p>
      <h1 id="page-title">{t('newsletters.title')}</h1>
      <p className="muted">{t('newsletters.intro')}</p>
      <section aria-labelledby="newsletters-list" className="panel">
        <h2 id="newsletters-list">{t('newsletters.listHeading')}</h2>
        {error && !data ? (
          <QueryErrorView error={error} onRetry={() => void refetch()} />
        ) : loading && !data ? (
          <Loading />
        ) : newsletters.length === 0 ? (
          <p>{t('newsletters.empty')}</p>
        ) : (
          <ul className="admin-list newsletters__list">
            {newsletters.map((n) => (
              <li key={n.id} className="newsletters__item">
                <p className="newsletters__subject">
                  <Link to={`/admin/lettres/${n.id}`} lang={CONTENT_LANGUAGE}>
                    {n.subject}
                  </Link>{' '}
                  {n.isDemo ? <DemoBadge /> : null}
                </p>
                <p className="muted">
                  <span
                    className={`badge newsletters__status newsletters__status--${n.status.toLowerCase()}`}
                  >
                    {t(`newsletters.status.${n.status}`)}
                  </span>{' '}
                  <DateTime iso={n.sendRequestedAt ?? n.updatedAt} style="short" />
                </p>
                {n.progress ? <NewsletterProgressText progress={n.progress} /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <form
        className="form panel"
        noValidate
        onSubmit={(e) => void submit(e)}
        aria-labelledby="newsletters-new"
      >
        <h2 id="newsletters-new">{t('newsletters.newHeading')}</h2>
        <TextField
          label={t('newsletters.subject')}
          name="subject"
          required
          maxLength={200}
          value={subject}
          error={errors.subject}
          inputRef={subjectRef}
          onChange={(e) => setSubject(e.target.value)}
        />
        <RichTextField
          label={t('newsletters.body')}
          hint={t('newsletters.bodyHint')}
          name="body"
          required
          rows={8}
          value={body}
          error={errors.body}
          focusRef={bodyRef}
          onChange={setBody}
        />
        <FeedbackMessages feedback={feedback} />
        <div className="actions">
          <button
            type="submit"
            className="button button--primary"
            aria-disabled={createState.loading || undefined}
          >
            {t('newsletters.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
