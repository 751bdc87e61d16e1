import { useMutation, useQuery } from '@apollo/client/react';
import { CommentLimits } from '@concerto/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/hooks/useMe';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { RichTextField } from '../../ui/components/RichTextField';
import { SafeHtml } from '../../ui/components/SafeHtml';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { problemsOf, textProblem } from '../../ui/feedback/fieldChecks';
import { richTextPlain } from '../../ui/rich-text-plain';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { ADD_TEXT_COMMENT_MUTATION, TEXT_COMMENTS_QUERY } from '../graphql/texts';
import { displayName } from '../../account/deletedParticipant';
import { DateTime } from '../../ui/components/DateTime';

/**
 * Comments on an article, each showing the article version it was written on, and a form to add
 * one (an empty or too long comment, or one the API refuses, is said on the field with focus on
 * the error summary).
 */
export function ArticleComments({ articleId, number }: { articleId: string; number: number }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const feedback = useFeedback();
  const [body, setBody] = useState('');
  const summary = useErrorSummary();
  const prefix = useId();
  /** The form's field, by the API's input key. */
  const fields = { body: { id: `${prefix}-body`, label: t('texts.commentLabel') } };
  const variables = { commentableType: 'ARTICLE' as const, commentableId: articleId };
  const { data } = useQuery(TEXT_COMMENTS_QUERY, { variables });
  const [add, state] = useMutation(ADD_TEXT_COMMENT_MUTATION, {
    refetchQueries: ['TextComments', 'ParticipatoryText'],
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
      await add({ variables: { input: { ...variables, body } } });
      setBody('');
      feedback.succeed(t('texts.commentAdded'));
    } catch (error) {
      if (!summary.reportApiError(error, fields)) feedback.fail(error);
    }
  }

  return (
    <div className="article-comments">
      <h4>{t('texts.commentsHeading')}</h4>
      {comments.length ? (
        <ul className="amendment-list">
          {comments.map((c) => (
            <li key={c.id} className="amendment">
              <p className="muted">
                {c.authorName ? displayName(c.authorName, t) : t('texts.anonymousAuthor')} ·{' '}
                <DateTime iso={c.createdAt} style="short" />
                {c.articleVersion
                  ? ` · ${t('texts.commentOnVersion', { version: c.articleVersion })}`
                  : ''}
              </p>
              {c.hidden && !c.body ? (
                <p className="muted">{t('texts.commentHidden')}</p>
              ) : (
                <SafeHtml html={c.body} />
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('texts.noComments')}</p>
      )}
      {me ? (
        <form
          className="form"
          noValidate
          onSubmit={submit}
          aria-label={t('texts.commentFor', { number })}
        >
          <ErrorSummary state={summary} />
          <RichTextField
            {...summary.fieldProps(fields.body)}
            rows={3}
            maxLength={CommentLimits.bodyMax}
            value={body}
            onChange={setBody}
          />
          <FeedbackMessages feedback={feedback} />
          <div className="form__actions">
            <button type="submit" className="button" disabled={state.loading}>
              {t('texts.addComment')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
