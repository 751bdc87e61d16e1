import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { NEWS_POSTS_QUERY } from '../graphql/news';
import { NewsCard } from './NewsCard';

/** The posts of a NEWS component (component page), latest first, with the space's RSS and Atom feeds. */
export function NewsList({ componentId }: { componentId: string }) {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const { data, error, refetch } = useQuery(NEWS_POSTS_QUERY, {
    variables: { componentId },
    fetchPolicy: 'cache-and-network',
  });
  if (error && !data) return <QueryErrorView error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  return (
    <>
      <p className="news-feeds">
        {t('news.feeds')} <a href={`/feeds/spaces/${slug}/news.rss`}>{t('news.rss')}</a> ·{' '}
        <a href={`/feeds/spaces/${slug}/news.atom`}>{t('news.atom')}</a>
      </p>
      <section aria-labelledby="news-list">
        <h2 id="news-list">{t('news.heading')}</h2>
        {data.newsPosts.length ? (
          <div className="cards">
            {data.newsPosts.map((post) => (
              <NewsCard key={post.id} post={post} />
            ))}
          </div>
        ) : (
          <p>{t('news.none')}</p>
        )}
      </section>
    </>
  );
}
