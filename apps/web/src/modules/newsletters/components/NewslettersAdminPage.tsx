import { useMutation, useQuery } from '@apollo/client/react';
import { NewsletterLimits } from '@concerto/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { AccessDenied } from '../../admin/components/AccessDenied';
import { AdministeredSpaces } from '../../admin/components/AdministeredSpaces';
import { DateTime } from '../../ui/components/DateTime';
import { DemoBadge } from '../../ui/components/DemoBadge';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextField } from '../../ui/components/Fields';
import { RichTextField } from '../../ui/components/RichTextField';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { problemsOf, textProblem } from '../../ui/feedback/fieldChecks';
import { richTextPlain } from '../../ui/rich-text-plain';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { CREATE_NEWSLETTER_MUTATION, NEWSLETTERS_QUERY } from '../graphql/newsletters';
import { NewsletterProgressText } from './NewsletterProgressText';
import '../newsletters.css';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/**
 * `/admin/lettres`: « Lettres d’information », for organization admins only (others get
 * « Accès réservé »): every newsletter with its status and sending progress, and a form that
 * creates a draft (then opens it in `/admin/lettres/:id`): subject and text checked with
 * {@link NewsletterLimits} before sending, each problem on its field, focus on the error summary.
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
  const summary = useErrorSummary();
  const prefix = useId();
  /** The form's fields, by the API's input key. */
  const fields = {
    subject: { id: `${prefix}-subject`, label: t('newsletters.subject') },
    body: { id: `${prefix}-body`, label: t('newsletters.body') },
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (createState.loading) return;
    feedback.clear();
    const problems = problemsOf(
      textProblem(t, fields.subject, subject, {
        min: 1,
        max: NewsletterLimits.subjectMaxLength,
      }),
      textProblem(t, fields.body, richTextPlain(body), {
        min: 1,
        max: NewsletterLimits.bodyMaxLength,
      }),
    );
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      const result = await create({ variables: { input: { subject: subject.trim(), body } } });
      const id = result.data?.createNewsletter.id;
      if (id) void navigate(`/admin/lettres/${id}`);
    } catch (caught) {
      if (!summary.reportApiError(caught, fields)) feedback.fail(caught);
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
        <ErrorSummary state={summary} />
        <TextField
          {...summary.fieldProps(fields.subject)}
          name="subject"
          required
          maxLength={NewsletterLimits.subjectMaxLength}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
        />
        <RichTextField
          {...summary.fieldProps(fields.body)}
          hint={t('newsletters.bodyHint')}
          name="body"
          required
          rows={8}
          value={body}
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
