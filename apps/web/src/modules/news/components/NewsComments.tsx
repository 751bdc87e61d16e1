import { useTranslation } from 'react-i18next';
import { ResourceComments } from '../../comments/components/ResourceComments';

/** « Commentaires » of a post (the shared comments capability): the list and a form for signed-in participants. */
export function NewsComments({ postId }: { postId: string }) {
  const { t } = useTranslation();
  return (
    <ResourceComments
      commentableType="NEWS_POST"
      commentableId={postId}
      headingId="news-comments"
      strings={{
        heading: t('news.comments.heading'),
        anonymous: t('news.comments.anonymous'),
        hidden: t('news.comments.hidden'),
        none: t('news.comments.none'),
        label: t('news.comments.label'),
        add: t('news.comments.add'),
        added: t('news.comments.added'),
        signIn: t('news.comments.signIn'),
      }}
    />
  );
}
