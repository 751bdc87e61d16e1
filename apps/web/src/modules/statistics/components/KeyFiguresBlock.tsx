import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { KEY_FIGURES_QUERY } from '../graphql/statistics';
import { AsOf, KeyFiguresList } from './KeyFiguresList';

/**
 * « Chiffres clés » block: the totals of the platform (home page) or of one space (space page),
 * the « au … » stamp and a link to the charts on `/chiffres-cles`. Nothing until loaded.
 */
export function KeyFiguresBlock({ spaceId }: { spaceId?: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(KEY_FIGURES_QUERY, {
    variables: { spaceId: spaceId ?? null },
    fetchPolicy: 'cache-and-network',
  });
  if (!data?.statistics) return null;
  const headingId = spaceId ? 'space-key-figures' : 'home-key-figures';
  return (
    <section aria-labelledby={headingId} className="home-key-figures">
      <h2 id={headingId}>{t(spaceId ? 'statistics.space.title' : 'statistics.title')}</h2>
      <KeyFiguresList figures={data.statistics.figures} />
      <AsOf asOf={data.statistics.asOf} />
      <p>
        <Link
          to={spaceId ? `/chiffres-cles?espace=${encodeURIComponent(spaceId)}` : '/chiffres-cles'}
        >
          {t(spaceId ? 'statistics.space.seeCharts' : 'statistics.seeAll')}
        </Link>
      </p>
    </section>
  );
}
