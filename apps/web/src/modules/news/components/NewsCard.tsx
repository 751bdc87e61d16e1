import '../news.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '../../ui/components/DateTime';
import type { NewsPost } from '../graphql/news';
import { UserText } from '../../ui/components/UserText';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** The web path of a post. */
export const newsPostPath = (post: Pick<NewsPost, 'spaceSlug' | 'componentId' | 'id'>): string =>
  `/espaces/${post.spaceSlug}/f/${post.componentId}/actualites/${post.id}`;

/** A post in a list: title (link), date, author, excerpt; its image when it has one. */
export function NewsCard({
  post,
  showSpace = false,
  headingLevel = 3,
}: {
  post: NewsPost;
  showSpace?: boolean;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const headingId = `news-${post.id}`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="card news-card" aria-labelledby={headingId}>
      {post.imageUrl ? (
        <img className="news-card__image" src={post.imageUrl} alt={post.imageAlt} loading="lazy" />
      ) : null}
      <Heading id={headingId} className="card__title">
        <Link to={newsPostPath(post)} lang={CONTENT_LANGUAGE}>
          {post.title}
        </Link>
      </Heading>
      <p className="card__subtitle">
        <DateTime iso={post.publishedAt} style="short" /> ·{' '}
        {t('news.by', { name: post.authorName })}
        {showSpace && !post.bySpace ? (
          <>
            {' '}
            · <UserText>{post.spaceTitle}</UserText>
          </>
        ) : null}
      </p>
      {post.status === 'SCHEDULED' ? (
        <p className="card__badges">
          <span className="badge badge--scheduled">{t('news.scheduled')}</span>
        </p>
      ) : null}
      {post.hidden ? (
        <p className="card__badges">
          <span className="badge badge--rejected">{t('news.hidden')}</span>
        </p>
      ) : null}
      <p lang={CONTENT_LANGUAGE}>{post.excerpt}</p>
    </article>
  );
}
