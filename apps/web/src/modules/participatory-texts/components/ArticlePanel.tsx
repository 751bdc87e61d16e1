import { useMutation, useQuery } from '@apollo/client/react';
import { AmendmentLimits } from '@concerto/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextAreaField, TextField, VisuallyHidden } from '../../ui/components/Fields';
import { RichTextField } from '../../ui/components/RichTextField';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { problemsOf, textProblem } from '../../ui/feedback/fieldChecks';
import { useFeedback, type Feedback } from '../../ui/hooks/useFeedback';
import {
  ACCEPT_AMENDMENT_MUTATION,
  AMENDMENTS_QUERY,
  CREATE_AMENDMENT_MUTATION,
  PROMOTE_AMENDMENT_MUTATION,
  REJECT_AMENDMENT_MUTATION,
  SUPPORT_AMENDMENT_MUTATION,
  UPDATE_AMENDMENT_MUTATION,
  VERSIONS_QUERY,
  WITHDRAW_AMENDMENT_MUTATION,
  type Amendment,
  type ParticipatoryText,
  type TextArticle,
} from '../graphql/texts';
import { HistorySection } from '../../history/components/HistorySection';
import { ArticleComments } from './ArticleComments';
import { DiffView } from './DiffView';
import { displayName } from '../../account/deletedParticipant';
import { DateTime } from '../../ui/components/DateTime';
import { formatDateTime } from '../../ui/utils/dates';
import { ConfirmButton } from '../../ui/feedback/ConfirmButton';
import { ReportForm } from '../../moderation/components/ReportForm';
import { UserText } from '../../ui/components/UserText';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

const REFETCH = {
  refetchQueries: ['ParticipatoryText', 'Amendments', 'Versions'],
  awaitRefetchQueries: true,
};

/** An article's amendments, the form to propose one (with a live diff), and its version history. */
export function ArticlePanel({ article, text }: { article: TextArticle; text: ParticipatoryText }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const headingId = useId();
  const amendments = useQuery(AMENDMENTS_QUERY, {
    variables: { amendableType: 'ARTICLE', amendableId: article.id },
  });
  return (
    <section
      id={`article-panel-${article.id}`}
      className="article-panel no-print"
      aria-labelledby={headingId}
    >
      <h3 id={headingId} className="article-panel__title">
        {t('texts.panelTitle', { number: article.number })}
      </h3>
      <h4>{t('texts.amendmentsHeading')}</h4>
      {amendments.data?.amendments.length ? (
        <ul className="amendment-list">
          {amendments.data.amendments.map((amendment) => (
            <li key={amendment.id}>
              <AmendmentItem amendment={amendment} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">
          {amendments.loading ? t('common.loading') : t('texts.noAmendments')}
        </p>
      )}
      {!text.settings.amendmentsEnabled ? (
        <p className="muted">{t('texts.amendmentsClosed')}</p>
      ) : me ? (
        <AmendmentForm articleId={article.id} currentBody={article.body} number={article.number} />
      ) : (
        <p>
          <Link to="/connexion">{t('texts.signInToAmend')}</Link>
        </p>
      )}
      <VersionHistory articleId={article.id} />
      <HistorySection kind="article" id={article.id} headingLevel={4} />
      <ArticleComments articleId={article.id} number={article.number} />
    </section>
  );
}

/**
 * "Proposer un amendement": title and the full new text of the article, with a live word diff.
 * Checked with {@link AmendmentLimits} before sending; each problem, and each field the API refuses
 * (a text that changes nothing), is shown on its field with focus on the error summary.
 */
export function AmendmentForm({
  articleId,
  currentBody,
  number,
}: {
  articleId: string;
  currentBody: string;
  number: number;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState(currentBody);
  const summary = useErrorSummary();
  const prefix = useId();
  /** The form's fields, by the API's input key. */
  const fields = {
    title: { id: `${prefix}-title`, label: t('texts.amendmentTitle') },
    body: { id: `${prefix}-body`, label: t('texts.amendmentBody') },
  };
  const [create, state] = useMutation(CREATE_AMENDMENT_MUTATION, REFETCH);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const problems = problemsOf(
      textProblem(t, fields.title, title, {
        min: AmendmentLimits.titleMin,
        max: AmendmentLimits.titleMax,
      }),
      textProblem(t, fields.body, body, { min: 1, max: AmendmentLimits.articleBodyMax }),
    );
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      await create({
        variables: {
          input: { amendableType: 'ARTICLE', amendableId: articleId, title: title.trim(), body },
        },
      });
      feedback.succeed(t('texts.amendmentCreated'));
      setTitle('');
    } catch (error) {
      if (!summary.reportApiError(error, fields)) feedback.fail(error);
    }
  }
  return (
    <form
      className="form amendment-form"
      noValidate
      onSubmit={submit}
      aria-label={t('texts.proposeFor', { number })}
    >
      <h4>{t('texts.propose')}</h4>
      <ErrorSummary state={summary} />
      <TextField
        {...summary.fieldProps(fields.title)}
        hint={t('texts.amendmentTitleHint')}
        name="title"
        required
        maxLength={AmendmentLimits.titleMax}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <RichTextField
        {...summary.fieldProps(fields.body)}
        hint={t('texts.amendmentBodyHint')}
        name="body"
        required
        rows={6}
        format="markdown"
        value={body}
        onChange={setBody}
      />
      <h5>{t('texts.preview')}</h5>
      <DiffView before={currentBody} after={body} label={t('texts.preview')} />
      <FeedbackMessages feedback={feedback} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={state.loading}>
          {t('texts.submitAmendment')}
        </button>
      </div>
    </form>
  );
}

const STATE_CLASS: Record<Amendment['state'], string> = {
  DRAFT: 'badge badge--muted',
  EVALUATING: 'badge badge--state',
  ACCEPTED: 'badge badge--accepted',
  REJECTED: 'badge badge--rejected',
  WITHDRAWN: 'badge badge--withdrawn',
};

/** One amendment: state, "obsolète" badge, its diff, and the actions the viewer may take. */
export function AmendmentItem({ amendment }: { amendment: Amendment }) {
  const { t, i18n } = useTranslation();
  const { me } = useMe();
  const feedback = useFeedback();
  const [rejecting, setRejecting] = useState(false);
  const [rebasing, setRebasing] = useState(false);
  const [accept] = useMutation(ACCEPT_AMENDMENT_MUTATION, REFETCH);
  const [withdraw] = useMutation(WITHDRAW_AMENDMENT_MUTATION, REFETCH);
  const [promote] = useMutation(PROMOTE_AMENDMENT_MUTATION, REFETCH);
  const [support] = useMutation(SUPPORT_AMENDMENT_MUTATION, REFETCH);
  // a hidden amendment (listed only for moderators) takes no answer, support or edit until shown again
  const pending = amendment.state === 'EVALUATING' && !amendment.hidden;
  const titleId = useId();
  const target = (
    <VisuallyHidden>
      {' '}
      « <UserText>{amendment.title}</UserText> »
    </VisuallyHidden>
  );

  async function run(action: () => Promise<unknown>, done: string) {
    feedback.clear();
    try {
      await action();
      feedback.succeed(done);
    } catch (error) {
      feedback.fail(error);
    }
  }

  return (
    <article className="amendment" aria-labelledby={titleId}>
      <h5 className="amendment__title" id={titleId} lang={CONTENT_LANGUAGE}>
        {amendment.title}
      </h5>
      <p className="amendment__meta">
        <span className={STATE_CLASS[amendment.state]}>{t(`texts.state.${amendment.state}`)}</span>{' '}
        {amendment.outdated && pending ? (
          <span className="badge badge--demo">{t('texts.outdated')}</span>
        ) : null}{' '}
        {amendment.hidden ? (
          <span className="badge badge--rejected">{t('texts.hiddenByModeration')}</span>
        ) : null}{' '}
        <span className="muted">
          {t('texts.by', {
            name: amendment.author
              ? displayName(amendment.author.name, t)
              : t('texts.anonymousAuthor'),
          })}{' '}
          · {t('texts.onVersion', { version: amendment.baseVersion })} ·{' '}
          {t('texts.supports', { count: amendment.supportsCount })}
        </span>
      </p>
      <DiffView
        before={amendment.baseText}
        after={amendment.body}
        label={t('texts.amendmentDiff', { title: amendment.title })}
      />
      {amendment.answeredAt &&
      (amendment.state === 'ACCEPTED' || amendment.state === 'REJECTED') ? (
        <p className="amendment__answer">
          {t(`texts.answered.${amendment.state}`, {
            name: amendment.answeredBy
              ? displayName(amendment.answeredBy.name, t)
              : t('texts.anonymousAuthor'),
            date: formatDateTime(amendment.answeredAt, i18n.language, 'date'),
          })}
        </p>
      ) : null}
      {amendment.rejectionReason ? (
        <p>{t('texts.rejectionReason', { reason: amendment.rejectionReason })}</p>
      ) : null}
      {amendment.outdated && pending && amendment.viewerIsAuthor ? (
        <div className="message message--info">
          <p>{t('texts.outdatedHelp', { version: amendment.currentVersion })}</p>
          <DiffView
            before={amendment.baseText}
            after={amendment.currentText}
            label={t('texts.changesSince')}
          />
        </div>
      ) : null}
      <FeedbackMessages feedback={feedback} />
      <div className="actions">
        {pending && amendment.viewerCanAnswer ? (
          <>
            <ConfirmButton
              className="button button--primary"
              label={t('texts.accept')}
              target={
                <>
                  « <UserText>{amendment.title}</UserText> »
                </>
              }
              question={t('texts.confirmAcceptQuestion', { title: amendment.title })}
              description={t('texts.confirmAcceptDescription')}
              onConfirm={() =>
                run(() => accept({ variables: { id: amendment.id } }), t('texts.accepted'))
              }
            />
            <button
              type="button"
              className="button"
              aria-expanded={rejecting}
              onClick={() => setRejecting(!rejecting)}
            >
              {t('texts.reject')}
              {target}
            </button>
          </>
        ) : null}
        {pending && amendment.viewerIsAuthor ? (
          <>
            <button
              type="button"
              className="button"
              onClick={() =>
                void run(() => withdraw({ variables: { id: amendment.id } }), t('texts.withdrawn'))
              }
            >
              {t('texts.withdraw')}
              {target}
            </button>
            <button
              type="button"
              className="button"
              aria-expanded={rebasing}
              onClick={() => setRebasing(!rebasing)}
            >
              {t('texts.update')}
              {target}
            </button>
          </>
        ) : null}
        {pending && me && !amendment.viewerIsAuthor && !amendment.viewerSupports ? (
          <button
            type="button"
            className="button"
            onClick={() =>
              void run(() => support({ variables: { id: amendment.id } }), t('texts.supported'))
            }
          >
            {t('texts.support')}
            {target}
          </button>
        ) : null}
        {amendment.state === 'REJECTED' &&
        amendment.viewerIsAuthor &&
        !amendment.promotedProposalId ? (
          <button
            type="button"
            className="button"
            onClick={() =>
              void run(() => promote({ variables: { id: amendment.id } }), t('texts.promoted'))
            }
          >
            {t('texts.promote')}
            {target}
          </button>
        ) : null}
      </div>
      {me && !amendment.viewerIsAuthor && !amendment.hidden ? (
        <ReportForm
          resourceType="AMENDMENT"
          resourceId={amendment.id}
          target={amendment.title}
          reported={amendment.viewerReported}
          refetchQueries={['Amendments']}
        />
      ) : null}
      {rejecting ? <RejectForm amendment={amendment} feedback={feedback} /> : null}
      {rebasing ? <RebaseForm amendment={amendment} feedback={feedback} /> : null}
    </article>
  );
}

/**
 * « Refuser »: the reason (required, {@link AmendmentLimits}.reasonMax characters), checked before
 * the confirmation dialog opens; a reason the API refuses lands on the field. Either way the
 * problem is said on the field with focus on the error summary, and nothing is sent.
 */
function RejectForm({ amendment, feedback }: { amendment: Amendment; feedback: Feedback }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [reject] = useMutation(REJECT_AMENDMENT_MUTATION, REFETCH);
  const summary = useErrorSummary();
  const prefix = useId();
  /** The form's field, by the API's argument name. */
  const fields = { reason: { id: `${prefix}-reason`, label: t('texts.reason') } };

  /** Says the reason's problem, if any; true when it may be sent. */
  function check(): boolean {
    feedback.clear();
    const problems = problemsOf(
      textProblem(t, fields.reason, reason, { min: 1, max: AmendmentLimits.reasonMax }),
    );
    summary.report(problems);
    return problems.length === 0;
  }

  async function send() {
    try {
      await reject({ variables: { id: amendment.id, reason } });
      feedback.succeed(t('texts.rejected'));
    } catch (error) {
      if (!summary.reportApiError(error, fields)) feedback.fail(error);
    }
  }

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (check()) void send();
      }}
    >
      <ErrorSummary state={summary} />
      <TextAreaField
        {...summary.fieldProps(fields.reason)}
        required
        rows={3}
        maxLength={AmendmentLimits.reasonMax}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <ConfirmButton
        className="button button--primary"
        label={t('texts.confirmReject')}
        question={t('texts.confirmRejectQuestion', { title: amendment.title })}
        description={
          reason.trim() ? t('texts.rejectionReason', { reason: reason.trim() }) : undefined
        }
        check={check}
        onConfirm={send}
      />
    </form>
  );
}

/**
 * « Mettre à jour »: the author's new text on the current version, with its diff. A blank or too
 * long text ({@link AmendmentLimits}), or one the API refuses (a text that changes nothing), is
 * said on the field with focus on the error summary, and nothing is sent on a failed check.
 */
function RebaseForm({ amendment, feedback }: { amendment: Amendment; feedback: Feedback }) {
  const { t } = useTranslation();
  const [body, setBody] = useState(amendment.currentText);
  const [update] = useMutation(UPDATE_AMENDMENT_MUTATION, REFETCH);
  const summary = useErrorSummary();
  const prefix = useId();
  /** The form's field, by the API's input key. */
  const fields = { body: { id: `${prefix}-body`, label: t('texts.amendmentBody') } };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const problems = problemsOf(
      textProblem(t, fields.body, body, { min: 1, max: AmendmentLimits.articleBodyMax }),
    );
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      await update({ variables: { id: amendment.id, input: { body } } });
      feedback.succeed(t('texts.updated'));
    } catch (error) {
      if (!summary.reportApiError(error, fields)) feedback.fail(error);
    }
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <ErrorSummary state={summary} />
      <RichTextField
        {...summary.fieldProps(fields.body)}
        required
        rows={5}
        format="markdown"
        value={body}
        onChange={setBody}
      />
      <DiffView before={amendment.currentText} after={body} label={t('texts.preview')} />
      <button type="submit" className="button button--primary">
        {t('texts.saveUpdate')}
      </button>
    </form>
  );
}

/** Every version of the article, each with the diff from the one before. */
function VersionHistory({ articleId }: { articleId: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(VERSIONS_QUERY, {
    variables: { resourceType: 'ARTICLE', resourceId: articleId },
  });
  const versions = data?.versions ?? [];
  return (
    <div className="version-history">
      <h4>{t('texts.history')}</h4>
      <ol>
        {versions.map((v, index) => (
          <li key={v.version}>
            <p>
              <strong>{t('texts.versionLabel', { version: v.version })}</strong> ·{' '}
              <DateTime iso={v.createdAt} style="short" />
              {v.author ? ` · ${t('texts.by', { name: displayName(v.author.name, t) })}` : ''}
            </p>
            {index === 0 ? (
              <p className="muted">{t('texts.initialVersion')}</p>
            ) : (
              <DiffView
                before={versions[index - 1].text}
                after={v.text}
                label={t('texts.versionDiff', { from: versions[index - 1].version, to: v.version })}
              />
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
