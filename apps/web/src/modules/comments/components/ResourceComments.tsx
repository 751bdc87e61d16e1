import { useMutation, useQuery } from '@apollo/client/react';
import { CommentLimits } from '@concerto/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { CommentableType } from '../../../graphql/generated';
import { displayName } from '../../account/deletedParticipant';
import { useMe } from '../../auth/hooks/useMe';
import { DateTime } from '../../ui/components/DateTime';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { RichTextField, type RichTextHandle } from '../../ui/components/RichTextField';
import { SafeHtml } from '../../ui/components/SafeHtml';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { problemsOf, textProblem } from '../../ui/feedback/fieldChecks';
import { richTextPlain } from '../../ui/rich-text-plain';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { ADD_RESOURCE_COMMENT_MUTATION, RESOURCE_COMMENTS_QUERY } from '../graphql/comments';
import { useFocusAfterRender } from '../../ui/feedback/useFocusAfterRender';
import { ReportForm } from '../../moderation/components/ReportForm';

/** The words of a host's comment section, translated by the host (its own string group). */
export interface ResourceCommentsStrings {
  heading: string;
  /** Author of a comment whose account is gone. */
  anonymous: string;
  /** In place of a comment hidden by moderation. */
  hidden: string;
  none: string;
  /** The field's label. */
  label: string;
  /** The submit button. */
  add: string;
  /** Announced once a comment is added. */
  added: string;
  /** The link for visitors. */
  signIn: string;
}

/**
 * « Commentaires » of a resource through the shared comments capability: the flat list
 * (deleted ones left out, hidden ones replaced by a notice), a form for signed-in participants
 * (after sending, focus goes back to the field and a polite message says it was added; an empty
 * or too long comment, or one the API refuses, is said on the field with focus on the error
 * summary) and a sign-in link for visitors. Used by meetings and news posts.
 */
export function ResourceComments({
  commentableType,
  commentableId,
  headingId,
  strings,
}: {
  commentableType: CommentableType;
  commentableId: string;
  /** Id of the section's heading (unique on the page). */
  headingId: string;
  strings: ResourceCommentsStrings;
}) {
  const focusAfterRender = useFocusAfterRender();
  const { t } = useTranslation();
  const { me } = useMe();
  const location = useLocation();
  const feedback = useFeedback();
  const [body, setBody] = useState('');
  const field = useRef<RichTextHandle>(null);
  const summary = useErrorSummary();
  /** The form's field, by the API's argument name. */
  const fields = { body: { id: `${headingId}-body`, label: strings.label } };
  const { data } = useQuery(RESOURCE_COMMENTS_QUERY, {
    variables: { commentableType, commentableId },
  });
  const [add, state] = useMutation(ADD_RESOURCE_COMMENT_MUTATION, {
    refetchQueries: ['ResourceComments'],
    awaitRefetchQueries: true,
  });
  const comments = (data?.comments ?? []).filter((c) => !c.deleted);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const problems = problemsOf(
      textProblem(t, fields.body, richTextPlain(body), { min: 1, max: CommentLimits.bodyMax }),
    );
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      await add({ variables: { commentableType, commentableId, body } });
      setBody('');
      feedback.succeed(strings.added);
      // the button is disabled while sending: focus goes back to the field, never to the page
      focusAfterRender(field);
    } catch (error) {
      if (!summary.reportApiError(error, fields)) {
        feedback.fail(error);
        focusAfterRender(field);
      }
    }
  }

  return (
    <section aria-labelledby={headingId} className="comments">
      <h2 id={headingId}>{strings.heading}</h2>
      {comments.length ? (
        <ul className="comment-list">
          {comments.map((c) => (
            <li key={c.id} className="comment">
              <p className="comment__meta">
                {c.authorName ? displayName(c.authorName, t) : strings.anonymous} ·{' '}
                <DateTime iso={c.createdAt} style="short" />
              </p>
              {c.hidden && !c.body ? (
                <p className="muted">{strings.hidden}</p>
              ) : (
                <SafeHtml html={c.body} />
              )}
              {me && !c.viewerIsAuthor && !c.hidden ? (
                <ReportForm
                  resourceType="COMMENT"
                  resourceId={c.id}
                  target={t('moderation.report.commentBy', {
                    name: c.authorName ? displayName(c.authorName, t) : strings.anonymous,
                  })}
                  targetIsInterface
                  reported={c.viewerReported}
                  refetchQueries={['ResourceComments']}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{strings.none}</p>
      )}
      {me ? (
        <form className="form" noValidate onSubmit={submit} aria-labelledby={headingId}>
          <ErrorSummary state={summary} />
          <RichTextField
            {...summary.fieldProps(fields.body)}
            focusRef={field}
            rows={3}
            maxLength={CommentLimits.bodyMax}
            value={body}
            onChange={setBody}
          />
          <FeedbackMessages feedback={feedback} />
          <div className="form__actions">
            <button type="submit" className="button" disabled={state.loading}>
              {strings.add}
            </button>
          </div>
        </form>
      ) : (
        <p>
          <Link to="/connexion" state={{ from: location.pathname }}>
            {strings.signIn}
          </Link>
        </p>
      )}
    </section>
  );
}
