import { useMutation, useQuery } from '@apollo/client/react';
import { useLiveEvent } from '../../notifications/live/LiveConnection';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ErrorAlert, FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { VisuallyHidden } from '../../ui/components/Fields';
import { RichTextField } from '../../ui/components/RichTextField';
import { Loading } from '../../ui/components/Loading';
import { SafeHtml } from '../../ui/components/SafeHtml';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import { formatDateTime } from '../../ui/utils/dates';
import {
  COMMENT_BODY_MAX,
  COMMENT_MAX_DEPTH,
  COMMENTS_QUERY,
  DELETE_COMMENT_MUTATION,
  UPDATE_COMMENT_MUTATION,
  type Comment,
} from '../graphql/proposals';
import { editorHtml } from '../utils/editorHtml';
import { CommentForm } from './CommentForm';
import { ReportForm } from '../../moderation/components/ReportForm';
import { displayName } from '../../account/deletedParticipant';

interface CommentThreadsProps {
  proposalId: string;
  commentsEnabled: boolean;
  signedIn: boolean;
}

/** "Commentaires": the threads of a proposal (replies up to three levels) and the comment form. */
export function CommentThreads({ proposalId, commentsEnabled, signedIn }: CommentThreadsProps) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const { data, error, loading, refetch } = useQuery(COMMENTS_QUERY, {
    variables: { commentableType: 'PROPOSAL', commentableId: proposalId },
  });
  // a comment written in another browser appears without reloading
  useLiveEvent(`proposal:${proposalId}`, 'comment.created', () => void refetch());
  const comments = data?.comments ?? [];
  return (
    <section aria-labelledby="comments-heading" className="comments">
      <h2 id="comments-heading">{t('proposals.comments.heading')}</h2>
      {error && !data ? (
        <ErrorAlert message={errorMessage(parseApiError(error), t, i18n.language)} />
      ) : null}
      {loading && !data ? <Loading /> : null}
      {data && comments.length === 0 ? <p>{t('proposals.comments.empty')}</p> : null}
      {comments.length > 0 ? (
        <CommentList
          comments={comments}
          proposalId={proposalId}
          canReply={commentsEnabled && signedIn}
          signedIn={signedIn}
        />
      ) : null}
      {!commentsEnabled ? (
        <p className="muted">{t('proposals.comments.closed')}</p>
      ) : signedIn ? (
        <div className="subpanel">
          <h3 id="comment-form-heading">{t('proposals.comments.formHeading')}</h3>
          <CommentForm proposalId={proposalId} label={t('proposals.comments.formHeading')} />
        </div>
      ) : (
        <p>
          <Link to="/connexion" state={{ from: location.pathname }}>
            {t('proposals.comments.signIn')}
          </Link>
        </p>
      )}
    </section>
  );
}

interface CommentListProps {
  comments: Comment[];
  proposalId: string;
  canReply: boolean;
  signedIn: boolean;
}

function CommentList({ comments, proposalId, canReply, signedIn }: CommentListProps) {
  return (
    <ul className="comment-list">
      {comments.map((comment) => (
        <li key={comment.id}>
          <CommentItem
            comment={comment}
            proposalId={proposalId}
            canReply={canReply}
            signedIn={signedIn}
          />
          {comment.replies?.length ? (
            <CommentList
              comments={comment.replies}
              proposalId={proposalId}
              canReply={canReply}
              signedIn={signedIn}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function CommentItem({
  comment,
  proposalId,
  canReply,
  signedIn,
}: {
  comment: Comment;
  proposalId: string;
  canReply: boolean;
  signedIn: boolean;
}) {
  const { t, i18n } = useTranslation();
  const feedback = useFeedback();
  const [replying, setReplying] = useState(false);
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [deleteComment, deleteState] = useMutation(DELETE_COMMENT_MUTATION, {
    refetchQueries: ['Comments', 'Proposal'],
    awaitRefetchQueries: true,
  });
  const author = comment.authorName
    ? displayName(comment.authorName, t)
    : t('proposals.comments.unknownAuthor');
  const target = t('proposals.comments.theComment', { name: author });
  const gone = comment.deleted || comment.hidden;

  async function remove() {
    feedback.clear();
    try {
      await deleteComment({ variables: { id: comment.id } });
      feedback.succeed(t('proposals.comments.deleted'));
    } catch (error) {
      feedback.fail(error);
    } finally {
      setConfirmingDelete(false);
    }
  }

  return (
    <article
      className={`comment comment--depth-${comment.depth}`}
      aria-label={t('proposals.comments.by', {
        name: author,
        date: formatDateTime(comment.createdAt, i18n.language),
      })}
    >
      <p className="comment__meta">
        {comment.depth === 0 && !gone ? (
          <span className={`badge badge--alignment badge--${comment.alignment.toLowerCase()}`}>
            {t(`proposals.comments.alignments.${comment.alignment}`)}
          </span>
        ) : null}
        <strong>{author}</strong> ·{' '}
        <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, i18n.language)}</time>
        {comment.editedAt ? ` · ${t('proposals.comments.edited')}` : null}
      </p>
      {comment.deleted ? (
        <p className="muted">{t('proposals.comments.deletedBody')}</p>
      ) : comment.hidden ? (
        <p className="muted">{t('proposals.comments.hiddenBody')}</p>
      ) : editing ? (
        <EditCommentForm comment={comment} onClose={() => setEditing(false)} />
      ) : (
        <SafeHtml html={comment.body} className="comment__body" />
      )}
      {!gone && !editing ? (
        <div className="actions comment__actions">
          {canReply && comment.depth < COMMENT_MAX_DEPTH ? (
            <button
              type="button"
              className="button button--link"
              aria-expanded={replying}
              onClick={() => setReplying((value) => !value)}
            >
              {t('proposals.comments.reply')} <VisuallyHidden>{`: ${target}`}</VisuallyHidden>
            </button>
          ) : null}
          {comment.viewerIsAuthor ? (
            <>
              <button
                type="button"
                className="button button--link"
                onClick={() => setEditing(true)}
              >
                {t('proposals.comments.edit')} <VisuallyHidden>{`: ${target}`}</VisuallyHidden>
              </button>
              {confirmingDelete ? (
                <span role="group" aria-label={t('proposals.comments.confirmDelete')}>
                  <span>{t('proposals.comments.confirmDelete')}</span>{' '}
                  <button
                    type="button"
                    className="button button--danger"
                    disabled={deleteState.loading}
                    onClick={() => void remove()}
                  >
                    {t('common.confirmDelete')}
                  </button>{' '}
                  <button
                    type="button"
                    className="button"
                    onClick={() => setConfirmingDelete(false)}
                  >
                    {t('common.cancel')}
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="button button--link"
                  onClick={() => setConfirmingDelete(true)}
                >
                  {t('proposals.comments.delete')} <VisuallyHidden>{`: ${target}`}</VisuallyHidden>
                </button>
              )}
            </>
          ) : signedIn ? (
            <ReportForm
              resourceType="COMMENT"
              resourceId={comment.id}
              target={target}
              targetIsInterface
              reported={comment.viewerReported}
            />
          ) : null}
        </div>
      ) : null}
      <FeedbackMessages feedback={feedback} />
      {replying ? (
        <CommentForm
          proposalId={proposalId}
          parentId={comment.id}
          label={t('proposals.comments.replyTo', { name: author })}
          onDone={() => setReplying(false)}
          onCancel={() => setReplying(false)}
        />
      ) : null}
    </article>
  );
}

function EditCommentForm({ comment, onClose }: { comment: Comment; onClose: () => void }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [body, setBody] = useState(() => editorHtml(comment.body));
  const [updateComment, { loading }] = useMutation(UPDATE_COMMENT_MUTATION, {
    refetchQueries: ['Comments'],
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    try {
      await updateComment({ variables: { id: comment.id, body: body.trim() } });
      onClose();
    } catch (error) {
      feedback.fail(error);
    }
  }

  return (
    <form
      className="form"
      noValidate
      onSubmit={submit}
      aria-label={t('proposals.comments.editBody')}
    >
      <RichTextField
        label={t('proposals.comments.editBody')}
        name="body"
        rows={3}
        maxLength={COMMENT_BODY_MAX}
        required
        value={body}
        onChange={setBody}
      />
      <FeedbackMessages feedback={feedback} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {t('common.save')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
