import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { KEY_FIGURES_QUERY } from '../graphql/statistics';
import { AsOf, KeyFiguresList } from './KeyFiguresList';

/** « Chiffres clés » on the home page: the platform's totals, with a link to `/chiffres-cles`. Nothing until loaded. */
export function HomeKeyFigures() {
  const { t } = useTranslation();
  const { data } = useQuery(KEY_FIGURES_QUERY, { fetchPolicy: 'cache-and-network' });
  if (!data?.statistics) return null;
  return (
    <section aria-labelledby="home-key-figures" className="home-key-figures">
      <h2 id="home-key-figures">{t('statistics.title')}</h2>
      <KeyFiguresList figures={data.statistics.figures} />
      <AsOf asOf={data.statistics.asOf} />
      <p>
        <Link to="/chiffres-cles">{t('statistics.seeAll')}</Link>
      </p>
    </section>
  );
}
