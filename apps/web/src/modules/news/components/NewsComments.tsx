import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { displayName } from '../../account/deletedParticipant';
import { useMe } from '../../auth/hooks/useMe';
import { DateTime } from '../../ui/components/DateTime';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextAreaField } from '../../ui/components/Fields';
import { SafeHtml } from '../../ui/components/SafeHtml';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { ADD_NEWS_COMMENT_MUTATION, NEWS_COMMENTS_QUERY } from '../graphql/news';

/** « Commentaires » of a post (the shared comments capability): the list and a form for signed-in participants. */
export function NewsComments({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const location = useLocation();
  const feedback = useFeedback();
  const [body, setBody] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  const { data } = useQuery(NEWS_COMMENTS_QUERY, { variables: { commentableId: postId } });
  const [add, state] = useMutation(ADD_NEWS_COMMENT_MUTATION, {
    refetchQueries: ['NewsComments'],
    awaitRefetchQueries: true,
  });
  const comments = (data?.comments ?? []).filter((c) => !c.deleted);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    try {
      await add({ variables: { commentableId: postId, body } });
      setBody('');
      feedback.succeed(t('news.comments.added'));
    } catch (error) {
      feedback.fail(error);
    }
    // the button is disabled while sending: focus goes back to the field, never to the page
    requestAnimationFrame(() => field.current?.focus());
  }

  return (
    <section aria-labelledby="news-comments" className="comments">
      <h2 id="news-comments">{t('news.comments.heading')}</h2>
      {comments.length ? (
        <ul className="comment-list">
          {comments.map((c) => (
            <li key={c.id} className="comment">
              <p className="comment__meta">
                {c.authorName ? displayName(c.authorName, t) : t('news.comments.anonymous')} ·{' '}
                <DateTime iso={c.createdAt} style="short" />
              </p>
              {c.hidden && !c.body ? (
                <p className="muted">{t('news.comments.hidden')}</p>
              ) : (
                <SafeHtml html={c.body} />
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('news.comments.none')}</p>
      )}
      {me ? (
        <form className="form" noValidate onSubmit={submit} aria-labelledby="news-comments">
          <TextAreaField
            textareaRef={field}
            label={t('news.comments.label')}
            rows={3}
            maxLength={5000}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
          <FeedbackMessages feedback={feedback} />
          <div className="form__actions">
            <button type="submit" className="button" disabled={state.loading}>
              {t('news.comments.add')}
            </button>
          </div>
        </form>
      ) : (
        <p>
          <Link to="/connexion" state={{ from: location.pathname }}>
            {t('news.comments.signIn')}
          </Link>
        </p>
      )}
    </section>
  );
}
