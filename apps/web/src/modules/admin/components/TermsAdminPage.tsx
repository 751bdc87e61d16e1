import { useMutation, useQuery } from '@apollo/client/react';
import { TermsDocumentKind } from '@concerto/domain';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TERMS_DOCUMENTS_QUERY, type TermsDocument } from '../../account/graphql/account';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextAreaField, TextField, VisuallyHidden } from '../../ui/components/Fields';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { parseApiError } from '../../ui/utils/apiError';
import { formatDateTime } from '../../ui/utils/dates';
import {
  PUBLISH_TERMS_DOCUMENT_MUTATION,
  TERMS_BODY_MAX_LENGTH,
  TERMS_TITLE_MAX_LENGTH,
} from '../graphql/terms';
import { AccessDenied } from './AccessDenied';
import { AdministeredSpaces } from './AdministeredSpaces';
import '../terms-admin.css';
import { useFocusAfterRender } from '../../ui/feedback/useFocusAfterRender';

/** Where the web app shows each document to everyone. */
const PUBLIC_PATHS: Record<TermsDocumentKind, string> = {
  TERMS: '/conditions',
  PRIVACY: '/confidentialite',
};
const KINDS = [TermsDocumentKind.TERMS, TermsDocumentKind.PRIVACY] as const;

/** The text as the API stores it: Windows line ends made `\n`, outer whitespace dropped. */
function normalised(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/**
 * `/admin/conditions`: "Conditions et confidentialité", for organization admins only (others
 * get "Accès réservé"). For the terms of use and the privacy notice: the current version
 * (number, date, title) and a form, prefilled with it, to publish the next version after an
 * explicit confirmation — every member then has to accept it at their next visit.
 */
export function TermsAdminPage() {
  return (
    <AdministeredSpaces>
      {(_spaces, isOrgAdmin) => (isOrgAdmin ? <TermsAdminView /> : <AccessDenied signedIn />)}
    </AdministeredSpaces>
  );
}

function TermsAdminView() {
  const { t } = useTranslation();
  useDocumentTitle(t('termsAdmin.title'));
  const { data, loading, error, refetch } = useQuery(TERMS_DOCUMENTS_QUERY, {
    fetchPolicy: 'network-only',
  });
  const refresh = async () => (await refetch()).data?.termsDocuments ?? [];
  return (
    <section className="page terms-admin" aria-labelledby="page-title">
      <p>
        <Link to="/admin">{t('admin.title')}</Link>
      </p>
      <h1 id="page-title">{t('termsAdmin.title')}</h1>
      <p className="muted">{t('termsAdmin.intro')}</p>
      {error && !data ? (
        <QueryErrorView error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <Loading />
      ) : (
        KINDS.map((kind) => (
          <TermsDocumentAdmin
            key={kind}
            kind={kind}
            current={data?.termsDocuments.find((d) => d.kind === kind) ?? null}
            refresh={refresh}
          />
        ))
      )}
    </section>
  );
}

interface FieldErrors {
  title?: string;
  body?: string;
  confirm?: string;
}

/**
 * One document: its current version and the form publishing the next one.
 * @param refresh reloads the current documents from the server and returns them
 */
function TermsDocumentAdmin({
  kind,
  current,
  refresh,
}: {
  kind: TermsDocumentKind;
  current: TermsDocument | null;
  refresh: () => Promise<TermsDocument[]>;
}) {
  const focusAfterRender = useFocusAfterRender();
  const { t, i18n } = useTranslation();
  const feedback = useFeedback();
  const headingId = useId();
  const confirmId = useId();
  const warningId = useId();
  const documentName = t(`termsAdmin.documents.${kind}`);
  // The version the draft was written from: publishing over a newer one is refused below.
  const [draft, setDraft] = useState({
    title: current?.title ?? '',
    body: current?.body ?? '',
    basedOn: current?.version ?? 0,
  });
  const [confirmed, setConfirmed] = useState(false);
  const summary = useErrorSummary();
  /** The form's fields, by the API's input key (the confirmation box is the form's own). */
  const fields = {
    title: { id: `${headingId}-title`, label: t('termsAdmin.titleLabel') },
    body: { id: `${headingId}-body`, label: t('termsAdmin.bodyLabel') },
    confirm: { id: confirmId, label: '' },
  };
  const confirmError = summary.errorOf(fields.confirm.id);
  const [checking, setChecking] = useState(false);
  /** Set when a version was published by someone else since the draft was started. */
  const [outdated, setOutdated] = useState<string | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const [publish, { loading }] = useMutation(PUBLISH_TERMS_DOCUMENT_MUTATION);
  const busy = loading || checking;
  const nextVersion = draft.basedOn + 1;
  const date = (iso: string) => formatDateTime(iso, i18n.language);

  function validate(): FieldErrors {
    const found: FieldErrors = {};
    const title = normalised(draft.title);
    const body = normalised(draft.body);
    if (!title) found.title = t('termsAdmin.titleRequired');
    else if (title.length > TERMS_TITLE_MAX_LENGTH)
      found.title = t('termsAdmin.titleTooLong', { max: TERMS_TITLE_MAX_LENGTH });
    if (!body) found.body = t('termsAdmin.bodyRequired');
    else if (body.length > TERMS_BODY_MAX_LENGTH)
      found.body = t('termsAdmin.bodyTooLong', {
        max: TERMS_BODY_MAX_LENGTH.toLocaleString(i18n.language),
      });
    if (
      !found.title &&
      !found.body &&
      current &&
      title === normalised(current.title) &&
      body === normalised(current.body)
    )
      found.body = t('termsAdmin.unchanged');
    if (!confirmed) found.confirm = t('termsAdmin.confirmRequired');
    return found;
  }

  /** Moves focus to the message once React has rendered it. */
  function focusMessage() {
    focusAfterRender(messageRef);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    setOutdated(null);
    const found = validate();
    const problems = (['title', 'body', 'confirm'] as const).flatMap((key) =>
      found[key] ? [{ fieldId: fields[key].id, message: found[key] }] : [],
    );
    summary.report(problems);
    if (problems.length > 0) return;
    setChecking(true);
    try {
      // Someone may have published since this page was loaded: never replace, unseen, a version the admin did not read.
      const latest = (await refresh()).find((d) => d.kind === kind);
      if (latest && latest.version !== draft.basedOn) {
        setDraft((d) => ({ ...d, basedOn: latest.version }));
        setOutdated(
          t('termsAdmin.outdated', { version: latest.version, next: latest.version + 1 }),
        );
      } else {
        const { data } = await publish({
          variables: {
            input: {
              kind,
              title: normalised(draft.title),
              body: normalised(draft.body),
              expectedVersion: draft.basedOn || undefined,
            },
          },
        });
        const published = data?.publishTermsDocument;
        if (published) {
          setDraft({ title: published.title, body: published.body, basedOn: published.version });
          feedback.succeed(
            t('termsAdmin.published', {
              version: published.version,
              date: date(published.publishedAt),
              title: published.title,
            }),
          );
          // Shows the new current version; it is published even if this reload fails.
          await refresh().catch(() => undefined);
        }
      }
    } catch (error) {
      // a title or text the API refuses: on its field, focus on the summary
      if (parseApiError(error).code !== 'CONFLICT' && summary.reportApiError(error, fields)) {
        setChecking(false);
        setConfirmed(false);
        return;
      }
      const info = feedback.fail(error, { CONFLICT: t('termsAdmin.conflict') });
      if (info.code === 'CONFLICT') {
        const latest = (await refresh().catch(() => [])).find((d) => d.kind === kind);
        if (latest) setDraft((d) => ({ ...d, basedOn: latest.version }));
      }
    } finally {
      setChecking(false);
      setConfirmed(false);
    }
    focusMessage();
  }

  return (
    <section className="terms-admin__document" aria-labelledby={headingId}>
      <h2 id={headingId}>{documentName}</h2>
      <h3>{t('termsAdmin.currentHeading')}</h3>
      {current ? (
        <>
          <dl className="terms-admin__current">
            <dt>{t('termsAdmin.version')}</dt>
            <dd>{current.version}</dd>
            <dt>{t('termsAdmin.publishedAt')}</dt>
            <dd>
              <time dateTime={current.publishedAt}>{date(current.publishedAt)}</time>
            </dd>
            <dt>{t('termsAdmin.documentTitle')}</dt>
            <dd lang="fr">{current.title}</dd>
          </dl>
          <p>
            <Link to={PUBLIC_PATHS[kind]}>
              {t('termsAdmin.readCurrent')} <VisuallyHidden>— {documentName}</VisuallyHidden>
            </Link>
          </p>
        </>
      ) : (
        <p>{t('termsAdmin.none')}</p>
      )}
      <form
        className="form terms-admin__form"
        noValidate
        onSubmit={submit}
        aria-labelledby={`${headingId}-form ${headingId}`}
        aria-busy={busy || undefined}
      >
        <h3 id={`${headingId}-form`}>{t('termsAdmin.formHeading', { version: nextVersion })}</h3>
        <p id={warningId} className="message message--info terms-admin__warning">
          {t('termsAdmin.warning')}
        </p>
        <ErrorSummary state={summary} />
        <TextField
          {...summary.fieldProps(fields.title)}
          hint={t('termsAdmin.titleHint', { max: TERMS_TITLE_MAX_LENGTH })}
          inputRef={titleRef}
          value={draft.title}
          onChange={(event) => setDraft((d) => ({ ...d, title: event.target.value }))}
          required
          lang="fr"
        />
        <TextAreaField
          {...summary.fieldProps(fields.body)}
          hint={t('termsAdmin.bodyHint', {
            max: TERMS_BODY_MAX_LENGTH.toLocaleString(i18n.language),
          })}
          textareaRef={bodyRef}
          value={draft.body}
          onChange={(event) => setDraft((d) => ({ ...d, body: event.target.value }))}
          rows={16}
          required
          lang="fr"
          className="field__control terms-admin__body"
        />
        <div
          className={[
            'field',
            'field--checkbox',
            confirmError && !confirmed ? 'field--invalid' : '',
          ]
            .filter(Boolean)
            .join(' ')}
        >
          <input
            id={confirmId}
            ref={confirmRef}
            type="checkbox"
            required
            checked={confirmed}
            onChange={(event) => setConfirmed(event.target.checked)}
            aria-invalid={confirmError && !confirmed ? true : undefined}
            aria-describedby={[warningId, confirmError && !confirmed ? `${confirmId}-error` : null]
              .filter(Boolean)
              .join(' ')}
          />
          <label htmlFor={confirmId}>
            {t('termsAdmin.confirmLabel', { version: nextVersion })}
          </label>
          {confirmError && !confirmed ? (
            <p id={`${confirmId}-error`} className="field__error">
              {confirmError}
            </p>
          ) : null}
        </div>
        <div ref={messageRef} tabIndex={-1} className="terms-admin__messages">
          <FeedbackMessages
            feedback={outdated ? { status: '', error: outdated, details: [] } : feedback}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('termsAdmin.publish', { version: nextVersion })}{' '}
            <VisuallyHidden>— {documentName}</VisuallyHidden>
          </button>
        </div>
      </form>
    </section>
  );
}
