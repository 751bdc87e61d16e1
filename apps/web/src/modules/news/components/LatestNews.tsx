import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { HOME_NEWS_QUERY } from '../graphql/news';
import { NewsCard } from './NewsCard';

/** « Dernières actualités » on the home page: posts an organization admin put on it, with the organization's feeds. Nothing while there are none. */
export function LatestNews() {
  const { t } = useTranslation();
  const { data } = useQuery(HOME_NEWS_QUERY, {
    variables: { first: 3 },
    fetchPolicy: 'cache-and-network',
  });
  if (!data?.homeNews.length) return null;
  return (
    <section aria-labelledby="home-news" className="home-news">
      <h2 id="home-news">{t('news.latest')}</h2>
      <div className="cards">
        {data.homeNews.map((post) => (
          <NewsCard key={post.id} post={post} showSpace />
        ))}
      </div>
      <p className="news-feeds">
        {t('news.feeds')} <a href="/feeds/news.rss">{t('news.rss')}</a> ·{' '}
        <a href="/feeds/news.atom">{t('news.atom')}</a>
      </p>
    </section>
  );
}
